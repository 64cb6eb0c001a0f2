package gov.bnl.sphenix.production.plan;

import gov.bnl.sphenix.production.job.JobKey;
import gov.bnl.sphenix.production.spec.OutputNamespace;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The input files of unfinished jobs — the files no deletion may touch. Two sources feed it: the
 * candidates of live productions that are pending or about to be redone (what they will read), and
 * the input lists the ledger recorded when each live job was submitted (what running jobs read, of
 * any production, whatever today's specs select). Only
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
    private JobKey unrecorded;

    InputsInUse(List<OutputNamespace> deletable) {
        this.watched = deletable.stream().distinct().map(Watched::of).toList();
    }

    /** Does any deletion need to know what jobs read (is any namespace watched)? */
    boolean watching() {
        return !watched.isEmpty();
    }

    /** Remembers the inputs of an unfinished job that fall in a watched namespace. */
    void record(Candidate unfinished) {
        record(unfinished.key(), unfinished.inputs());
    }

    /** Remembers what a live job was submitted to read; a job without a record makes every file unprovable. */
    void record(LiveJobInputs live) {
        if (live.inputs().isPresent()) {
            record(live.key(), live.inputs().get());
        } else if (unrecorded == null || live.key().compareTo(unrecorded) < 0) {
            unrecorded = live.key();
        }
    }

    /**
     * A live job whose inputs the ledger does not know (adopted from the queue, or submitted before
     * inputs were recorded): while one exists, no file can be proven unused, and deletions wait.
     */
    Optional<JobKey> unrecordedJob() {
        return Optional.ofNullable(unrecorded);
    }

    private void record(JobKey consumer, List<String> inputs) {
        if (watched.isEmpty()) {
            return;
        }
        for (String input : inputs) {
            String name = fileName(input);
            for (Watched w : watched) {
                if (w.covers(name)) {
                    // the first (lowest) key per file keeps plans independent of anything but the input
                    neededBy.merge(name, consumer, (a, b) -> a.compareTo(b) <= 0 ? a : b);
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
                        + ", an input of unfinished job " + c + " of production " + c.production()));
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
