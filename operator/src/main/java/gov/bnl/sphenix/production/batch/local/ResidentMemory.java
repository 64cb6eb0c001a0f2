package gov.bnl.sphenix.production.batch.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Resident memory of a job: the sum of {@code VmRSS} over its process and all descendants, from
 * {@code /proc/<pid>/status} — the same quantity HTCondor's procd sums into {@code ResidentSetSize}
 * when it has no cgroup. A process that ends between listing and reading counts as zero.
 */
final class ResidentMemory {

    private ResidentMemory() {
    }

    /** KiB resident in the process tree under {@code root}. */
    static long kib(ProcessHandle root) {
        try (Stream<ProcessHandle> tree = Stream.concat(Stream.of(root), root.descendants())) {
            return tree.mapToLong(p -> vmRssKib(p.pid())).sum();
        }
    }

    /** MiB, rounded up like HTCondor's {@code MemoryUsage}. */
    static int mib(ProcessHandle root) {
        return (int) ((kib(root) + 1023) / 1024);
    }

    static long vmRssKib(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.substring(6).replace("kB", "").strip());
                }
            }
        } catch (IOException | NumberFormatException e) {
            // gone already, or a kernel thread without memory
        }
        return 0;
    }
}
