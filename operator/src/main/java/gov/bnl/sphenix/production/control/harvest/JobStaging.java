package gov.bnl.sphenix.production.control.harvest;

import gov.bnl.sphenix.production.control.events.EventKind;
import gov.bnl.sphenix.production.spec.names.OutputFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Finds and verifies the files one finished job of sphenixprod's convention staged. Ownership is
 * proven, never guessed: a file is the job's when its stage-out name carries the job's dbid (its
 * ledger row) and its lfn is one the job's key can write ({@link JobNames}) in the directory it
 * belongs in (DSTs in the output directory, HIST and CALIB files in the histogram directory).
 * Files with other dbids are other jobs' or other attempts' and are never looked at. A file with
 * this job's dbid under a name it cannot write, a link, or a file that is not what its name says
 * refuses the whole job: nothing of it is registered. A job is taken whole or not at all.
 */
final class JobStaging {

    private static final LinkOption NOFOLLOW = LinkOption.NOFOLLOW_LINKS;

    private JobStaging() {
    }

    /**
     * The job's staged files, each read and checked against its name: {@link Placement.Verified}
     * (none in place yet: {@link #againstFinalTree} says that), or why not.
     */
    static Placement find(JobNames names, long dbid, StageOutPlaces dirs, StagedIndex index) throws IOException {
        for (Path[] rootAndDir : new Path[][] {{dirs.dstRoot(), dirs.stagedDst()}, {dirs.histRoot(), dirs.stagedHist()}}) {
            Optional<Path> link = index.linkBelow(rootAndDir[0], rootAndDir[1]);
            if (link.isPresent()) {
                return new Placement.Refused(link.get() + " is a symbolic link; links in the staging tree are never followed");
            }
        }
        List<StagedFile> staged = new ArrayList<>();
        String foreign = collect(index.of(dirs.stagedDst(), dbid), names::dst, new Route(dirs.stagedDst(), dirs.finalDst()),
                true, staged);
        if (foreign == null) {
            foreign = collect(index.of(dirs.stagedHist(), dbid), names::histogram,
                    new Route(dirs.stagedHist(), dirs.finalHist()), false, staged);
        }
        if (foreign != null) {
            return new Placement.Refused("it staged " + foreign + " with its dbid " + dbid
                    + ", which is not a name it can write there; nothing of it is registered");
        }
        Set<String> lfns = new HashSet<>();
        List<Placement.VerifiedFile> verified = new ArrayList<>();
        for (StagedFile file : staged) {
            if (!lfns.add(file.name().lfn())) {
                return new Placement.Refused("it staged " + file.name().lfn() + " twice");
            }
            Optional<Fingerprint> read = Fingerprint.ofRegularFile(file.staged());
            if (read.isEmpty()) {
                return new Placement.Refused(file.staged() + " is not a regular file (a link is never followed)");
            }
            Fingerprint found = read.get();
            String mismatch = file.name().mismatch(found);
            if (mismatch != null) {
                return new Placement.Refused(file.staged() + " " + mismatch);
            }
            verified.add(new Placement.VerifiedFile(file, found, false));
        }
        return new Placement.Verified(verified);
    }

    /**
     * The verified files against the final tree as it is now, after every earlier rename of the
     * pass: a file whose identical copy is at its target is marked in place (an earlier pass copied
     * it across file systems and stopped before removing the staged copy); a different file there
     * defers the job.
     */
    static Placement againstFinalTree(Placement.Verified job, StagedIndex index) throws IOException {
        List<Placement.VerifiedFile> files = new ArrayList<>(job.files().size());
        for (Placement.VerifiedFile v : job.files()) {
            Path target = v.file().target();
            boolean inPlace = index.inFinal(v.file());
            if (inPlace && !Fingerprint.ofRegularFile(target).equals(Optional.of(v.fingerprint()))) {
                return new Placement.Deferred(EventKind.HARVEST_CONFLICT, target + " is already in the final tree and differs"
                        + " from " + v.file().staged() + "; not renamed, until someone decides which copy is right");
            }
            files.add(new Placement.VerifiedFile(v.file(), v.fingerprint(), inPlace));
        }
        return new Placement.Verified(files);
    }

    /** Adds the job's files of one directory to {@code staged}; returns the first name it cannot write, or null. */
    private static String collect(List<StagedIndex.Entry> entries, Function<String, Optional<OutputFile>> owned,
                                  Route route, boolean dst, List<StagedFile> staged) {
        for (StagedIndex.Entry entry : entries) {
            Optional<OutputFile> file = owned.apply(entry.name().lfn());
            if (file.isEmpty()) {
                return entry.path().toString();
            }
            staged.add(new StagedFile(entry.path(), route.finalDirectory().resolve(entry.name().lfn()), route, entry.name(),
                    file.get(), dst));
        }
        return null;
    }

    /**
     * Sets a failed attempt's staged files aside, in their directory, under
     * {@code <name>.failed-attempt-<n>}: kept for inspection, never taken later (the ledger keeps one
     * row, so one dbid, per key across attempts). Returns the names they had.
     */
    static List<String> setAside(long dbid, int attempt, StageOutPlaces dirs, StagedIndex index) throws IOException {
        List<String> names = new ArrayList<>();
        for (Path directory : List.of(dirs.stagedDst(), dirs.stagedHist())) {
            for (StagedIndex.Entry entry : index.of(directory, dbid)) {
                Path file = entry.path();
                if (Files.exists(file, NOFOLLOW)) {
                    Files.move(file, file.resolveSibling(file.getFileName() + ".failed-attempt-" + attempt));
                    names.add(file.getFileName().toString());
                }
            }
        }
        return names;
    }
}
