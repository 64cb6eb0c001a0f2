package gov.bnl.sphenix.production.plan;

import gov.bnl.sphenix.production.spec.JobKey;
import gov.bnl.sphenix.production.spec.OutputNamespace;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The input files of unfinished jobs of live productions — the files no deletion may touch. Only
 * inputs from the output namespaces that this pass might delete from are remembered (productions
 * removed with a delete policy, productions with rerun tokens), so the set stays as small as the
 * deletions it protects rather than as large as the catalog.
 *
 * <p>Inputs and outputs are compared by file name (the catalog's lfn), whatever directory they are in.
 */
final class InputsInUse {

    /** Output names of a namespace look like {@code <dsttype>[_<leaf>]_<dataset>_<tag>-<run>-<segment>.root}. */
    private record Watched(String productPrefix, String datasetAndTag) {
        static Watched of(OutputNamespace ns) {
            return new Watched(ns.dsttype() + "_", "_" + ns.dataset() + "_" + ns.tag() + "-");
        }

        boolean covers(String fileName) {
            return fileName.startsWith(productPrefix) && fileName.contains(datasetAndTag);
        }
    }

    private final List<Watched> watched;
    private final Map<String, JobKey> neededBy = new HashMap<>();

    InputsInUse(List<OutputNamespace> deletable) {
        this.watched = deletable.stream().distinct().map(Watched::of).toList();
    }

    /** Remembers the inputs of an unfinished job that fall in a watched namespace. */
    void record(Candidate unfinished) {
        if (watched.isEmpty()) {
            return;
        }
        for (String input : unfinished.inputs()) {
            String name = fileName(input);
            for (Watched w : watched) {
                if (w.covers(name)) {
                    // the first (lowest) key per file keeps plans independent of anything but the input
                    neededBy.merge(name, unfinished.key(), (a, b) -> a.compareTo(b) <= 0 ? a : b);
                    break;
                }
            }
        }
    }

    /**
     * A report of why this key's outputs must stay, when one of its files is an input of an
     * unfinished job; empty when they may go.
     */
    Optional<Action.BlockedDeletion> blocks(JobKey key, ExistingOutput output, String deleter) {
        for (String file : output.files()) {
            Optional<JobKey> consumer = neededBy(file);
            if (consumer.isPresent()) {
                JobKey c = consumer.get();
                return Optional.of(new Action.BlockedDeletion(key, file, c, deleter + " would delete " + fileName(file)
                        + ", an input of unfinished job " + c + " of live production " + c.production()));
            }
        }
        return Optional.empty();
    }

    /** The unfinished job that still needs this file, if any. */
    Optional<JobKey> neededBy(String file) {
        return Optional.ofNullable(neededBy.get(fileName(file)));
    }

    private static String fileName(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
