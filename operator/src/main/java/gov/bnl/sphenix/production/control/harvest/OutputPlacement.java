package gov.bnl.sphenix.production.control.harvest;

import gov.bnl.sphenix.production.batch.wrapper.Manifest;
import gov.bnl.sphenix.production.catalog.registration.CatalogedOutput;
import gov.bnl.sphenix.production.control.events.EventKind;
import gov.bnl.sphenix.production.spec.names.OutputFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Places one finished job's outputs: checks its manifest against what the job's key may produce,
 * verifies every file on disk (size, and md5 when the manifest gives one) before anything moves,
 * refuses links, and never puts a file where a different one already is or is catalogued. Only
 * when every output of the job passes are they moved, so a job is placed whole or not at all.
 */
final class OutputPlacement {

    private static final LinkOption NOFOLLOW = LinkOption.NOFOLLOW_LINKS;

    private final String storage;

    OutputPlacement(String storage) {
        this.storage = storage;
    }

    /** One output checked and ready: what to do with it, and what it holds. */
    private record Ready(JobOutputs.Expected expected, Fingerprint fingerprint, Step step, Manifest.Output output) {
    }

    private enum Step { MOVE, DROP_STAGED_COPY, IN_PLACE }

    /**
     * @param dst        the job's DST (from its key)
     * @param catalogued checksums the FileCatalog holds, by name
     */
    Placement place(OutputFile dst, Manifest manifest, JobOutputs expected, Map<String, Set<String>> catalogued)
            throws IOException {
        Map<String, Manifest.Output> named = new LinkedHashMap<>();
        for (Manifest.Output output : manifest.outputs()) {
            JobOutputs.Expected e = expected.byLfn().get(output.lfn());
            if (e == null) {
                return refused("its manifest names " + output.lfn() + " at " + output.path() + ", which is not an output of this job");
            }
            if (!isPath(output.path(), e.staged())) {
                return refused("its manifest names " + output.path() + " for " + output.lfn() + ", but the job publishes it at "
                        + e.staged() + "; only that path is harvested");
            }
            if (negative(output.nevents()) || negative(output.firstEvent()) || negative(output.lastEvent())) {
                return refused("its manifest gives negative event numbers for " + output.lfn());
            }
            if (named.put(output.lfn(), output) != null) {
                return refused("its manifest names " + output.lfn() + " twice");
            }
        }
        if (!named.containsKey(expected.dstLfn())) {
            return refused("its manifest names no DST (" + expected.dstLfn() + ")");
        }
        List<Ready> ready = new ArrayList<>();
        for (Manifest.Output output : named.values()) {
            JobOutputs.Expected e = expected.byLfn().get(output.lfn());
            Placement problem = check(e, output, catalogued, ready);
            if (problem != null) {
                return problem;
            }
        }
        CatalogedOutput cataloged = null;
        for (Ready r : ready) {
            switch (r.step()) {
                case MOVE -> OutputMove.move(r.expected().staged(), r.expected().target());
                case DROP_STAGED_COPY -> Files.delete(r.expected().staged());
                case IN_PLACE -> { }
            }
            if (r.expected().dst()) {
                Manifest.Output o = r.output();
                cataloged = new CatalogedOutput(dst, storage, r.expected().target().toString(), r.fingerprint().size(),
                        r.fingerprint().md5(), orZero(o.nevents()), orZero(o.firstEvent()), orZero(o.lastEvent()));
            }
        }
        return new Placement.Placed(cataloged);
    }

    /** Null when the output is ready (added to {@code ready}); else why the job cannot be placed. */
    private static Placement check(JobOutputs.Expected e, Manifest.Output output, Map<String, Set<String>> catalogued,
                                   List<Ready> ready) throws IOException {
        Path staged = e.staged();
        Path target = e.target();
        Optional<Path> link = Symlinks.below(e.stagingRoot(), staged);
        if (link.isPresent()) {
            return refused(link.get() + " is a symbolic link; links in the staging tree are never followed");
        }
        boolean inTarget = Files.exists(target, NOFOLLOW);
        if (inTarget && !Files.isRegularFile(target, NOFOLLOW)) {
            return conflict(target + " is in the final tree and is not a regular file; " + output.lfn() + " not moved");
        }
        if (Files.exists(staged, NOFOLLOW)) {
            if (!Files.isRegularFile(staged, NOFOLLOW)) {
                return refused(staged + " is not a regular file");
            }
            Fingerprint file = Fingerprint.of(staged);
            String mismatch = mismatch(output, file);
            if (mismatch != null) {
                return refused(staged + " " + mismatch);
            }
            if (inTarget) {
                Fingerprint there = Fingerprint.of(target);
                if (!there.equals(file)) {
                    return conflict(target + " is already in the final tree (" + describe(there) + ") and differs from "
                            + staged + " (" + describe(file) + "); not moved, until someone decides which copy is right");
                }
                // an earlier harvest copied it across file systems and stopped before removing the staged copy
                ready.add(new Ready(e, file, Step.DROP_STAGED_COPY, output));
                return null;
            }
            Set<String> known = e.dst() ? catalogued.getOrDefault(output.lfn(), Set.of()) : Set.of();
            if (known.stream().anyMatch(md5 -> !md5.equalsIgnoreCase(file.md5()))) {
                return conflict(output.lfn() + " is catalogued with checksum " + String.join(", ", known) + ", the job wrote "
                        + file.md5() + "; not moved, until someone decides which copy is right");
            }
            ready.add(new Ready(e, file, Step.MOVE, output));
            return null;
        }
        if (inTarget) {
            // moved by an earlier harvest that stopped before closing the job: it must still be this job's file
            Fingerprint there = Fingerprint.of(target);
            String mismatch = mismatch(output, there);
            if (mismatch != null) {
                return conflict(target + " is in the final tree but " + mismatch + "; not harvested, until someone decides");
            }
            ready.add(new Ready(e, there, Step.IN_PLACE, output));
            return null;
        }
        return refused("its manifest names " + staged + ", which is in neither the staging nor the final tree");
    }

    /** How {@code file} differs from what the manifest says, or null when it matches. */
    private static String mismatch(Manifest.Output output, Fingerprint file) {
        if (output.size() != file.size()) {
            return "has " + file.size() + " bytes, its manifest says " + output.size();
        }
        boolean claimsMd5 = Manifest.CHECKSUM_ALGORITHM.equalsIgnoreCase(output.checksumAlgorithm())
                && !output.checksum().isBlank();
        if (claimsMd5 && !output.checksum().equalsIgnoreCase(file.md5())) {
            return "has md5 " + file.md5() + ", its manifest says " + output.checksum();
        }
        return null;
    }

    private static boolean isPath(String named, Path expected) {
        try {
            return Path.of(named).normalize().equals(expected.normalize());
        } catch (InvalidPathException e) {
            return false;
        }
    }

    private static String describe(Fingerprint f) {
        return f.size() + " bytes, md5 " + f.md5();
    }

    private static Placement refused(String reason) {
        return new Placement.Refused(reason);
    }

    private static Placement conflict(String reason) {
        return new Placement.Deferred(EventKind.HARVEST_CONFLICT, reason);
    }

    private static boolean negative(Long value) {
        return value != null && value < 0;
    }

    private static long orZero(Long value) {
        return value == null ? 0 : value;
    }
}
