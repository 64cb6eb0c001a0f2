package gov.bnl.sphenix.production.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/** The file trees jobs write into, opened to a pool whose jobs run as another user. */
final class JobTrees {

    private JobTrees() {
    }

    static void openToPoolJobs(Path root) throws IOException {
        for (String tree : List.of("", "data", "data/staging", "data/log")) {
            Path dir = root.resolve(tree);
            Files.createDirectories(dir);
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
        }
    }
}
