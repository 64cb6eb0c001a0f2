package gov.bnl.sphenix.production.tools.world;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/**
 * The stand-in {@code root.exe} ({@code production-specs/payloads/standin/}), which today's run
 * scripts call in place of ROOT on a machine without the sPHENIX software: put where every job,
 * on this machine or on a pool sharing the directory, finds it on its {@code PATH}.
 */
public final class StandinRoot {

    /** The {@code PATH} of jobs that call it: the stand-in first, then the system's programs. */
    public static String path(Path standin) {
        return standin.toAbsolutePath() + ":/usr/bin:/bin";
    }

    private StandinRoot() {
    }

    /** Copies the stand-in files of {@code payloads} (a project's {@code production-specs/payloads}) into {@code standin}. */
    public static Path install(Path payloads, Path standin) throws IOException {
        Files.createDirectories(standin);
        try (Stream<Path> files = Files.list(payloads.resolve("standin"))) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Files.copy(file, standin.resolve(file.getFileName().toString()), StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
        return standin;
    }
}
