package gov.bnl.sphenix.production.control.harvest;

import static org.assertj.core.api.Assertions.fail;

import gov.bnl.sphenix.production.control.EngineSettings;
import gov.bnl.sphenix.production.spec.names.Layout;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A real file system of a few hundred kilobytes: a tmpfs mounted with a size limit, which fills
 * and answers ENOSPC like any full disk (no mock of the error). Mounting needs root: as root a
 * failed mount fails the test; as anyone else the test is skipped, loudly.
 */
final class SmallFileSystem implements AutoCloseable {

    private final Path mountPoint;

    private SmallFileSystem(Path mountPoint) {
        this.mountPoint = mountPoint;
    }

    static SmallFileSystem mount(Path mountPoint, String size) throws IOException, InterruptedException {
        Files.createDirectories(mountPoint);
        String failed = run("mount", "-t", "tmpfs", "-o", "size=" + size + ",mode=0755", "tmpfs", mountPoint.toString());
        if (failed != null) {
            if (isRoot()) {
                fail("mounting a tmpfs of " + size + " at " + mountPoint + " failed as root: " + failed);
            }
            System.err.println("\n*** SKIPPED: a small file system needs root to mount (" + failed + ") ***\n");
            Assumptions.abort("mounting a tmpfs needs root: " + failed);
        }
        return new SmallFileSystem(mountPoint);
    }

    /** More space, as when a full disk is cleaned or grown: the same file system, remounted larger. */
    void grow(String size) throws IOException, InterruptedException {
        String failed = run("mount", "-o", "remount,size=" + size, mountPoint.toString());
        if (failed != null) {
            fail("growing the tmpfs at " + mountPoint + " to " + size + " failed: " + failed);
        }
    }

    Path root() {
        return mountPoint;
    }

    /** {@code s} with its final DST and histogram trees on this file system; staging and logs stay where they are. */
    EngineSettings finalTreesOn(EngineSettings s) {
        Layout layout = new Layout(mountPoint.resolve("dst"), s.layout().logRoot(), mountPoint.resolve("hist"));
        return new EngineSettings(layout, s.stagingRoot(), s.payloadDirectory(), s.payloadRoot(), s.storage(),
                s.planner(), s.harvestBatch(), s.historyLimit(), s.infrastructureAttempts(), s.jobEnvironment(),
                s.neventsCap());
    }

    @Override
    public void close() throws IOException, InterruptedException {
        if (run("umount", mountPoint.toString()) != null) {
            run("umount", "-l", mountPoint.toString());
        }
    }

    private static boolean isRoot() throws IOException {
        return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
    }

    /** Runs a command; null when it succeeded, else its output. */
    private static String run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return String.join(" ", new ArrayList<>(List.of(command))) + " did not finish within 30 s";
        }
        return process.exitValue() == 0 ? null : String.join(" ", command) + ": " + output;
    }
}
