package gov.bnl.sphenix.production.cli;

import gov.bnl.sphenix.production.batch.BatchSystem;
import gov.bnl.sphenix.production.batch.BatchSystems;
import gov.bnl.sphenix.production.batch.JobDirectories;
import gov.bnl.sphenix.production.batch.condor.LocalPool;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where a demo (or a try) builds its world, and its batch system. A pool that runs in its own root
 * (the one {@code scripts/minicondor.sh} starts) sees only its shared directory: a demo elsewhere
 * would have every submission fail, so such a directory is refused before anything starts.
 */
final class DemoRoot {

    private DemoRoot() {
    }

    /**
     * The demo's root directory.
     *
     * @param requested {@code --dir}, if given
     * @param poolShare the only directory the pool's jobs see, when the demo runs on such a pool
     * @param otherwise where a demo goes when no {@code --dir} is given and no pool confines it
     * @throws IllegalArgumentException if the pool's jobs could not see {@code requested}
     */
    static Path choose(Optional<Path> requested, Optional<Path> poolShare, Path otherwise, String name) {
        Path fallback = poolShare.orElse(otherwise).resolve(name);
        Path root = requested.map(p -> p.toAbsolutePath().normalize()).orElse(fallback.toAbsolutePath());
        if (poolShare.isPresent() && !real(root).startsWith(real(poolShare.get()))) {
            throw new IllegalArgumentException("the HTCondor pool's jobs see only " + poolShare.get() + ", and " + root
                    + " is outside it, so every submission would fail; give a --dir under " + poolShare.get()
                    + " (or no --dir: the demo then goes to " + fallback + ")");
        }
        return root;
    }

    /** The path with symbolic links resolved as far as it exists, so that a link into the share counts as in it. */
    private static Path real(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        Path existing = absolute;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return absolute;
        }
        try {
            return existing.toRealPath().resolve(existing.relativize(absolute));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The directory a pool in its own root shares with its jobs; none when the pool runs on this
     * host and sees what this process sees (then LocalPool offers the temporary directory).
     */
    static Optional<Path> poolShare() {
        Path shared = LocalPool.sharedDirectory();
        return shared.equals(Path.of(System.getProperty("java.io.tmpdir"))) ? Optional.empty() : Optional.of(shared);
    }

    /** {@code local} or {@code condor}, given the directory jobs write in. */
    static Function<Path, BatchSystem> batchSystem(String batch) {
        // the test pool's jobs run as its own user, outside any group of ours: its directories must be open to all
        return data -> batch.equals("condor")
                ? BatchSystems.open(batch, JobDirectories.worldWritable()) : BatchSystems.open(batch);
    }
}
