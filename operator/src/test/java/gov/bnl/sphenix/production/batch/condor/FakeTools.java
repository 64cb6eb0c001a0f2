package gov.bnl.sphenix.production.batch.condor;

import gov.bnl.sphenix.production.batch.JobPolicy;
import gov.bnl.sphenix.production.batch.wrapper.WrapperLaunch;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * HTCondor's tools without a pool: the command prefix is a small shell script standing in for the
 * wrapper that enters the pool; it gets the tool and its arguments as {@code "$@"}.
 */
final class FakeTools {

    private FakeTools() {
    }

    /** Settings whose every tool is {@code script} run by {@code sh}, with a short time limit; no submit user. */
    static CondorSettings settings(Path dir, String script) throws IOException {
        Path prefix = dir.resolve("fake-pool");
        Files.writeString(prefix, "#!/bin/sh\n" + script + "\n");
        Files.setPosixFilePermissions(prefix, PosixFilePermissions.fromString("rwx------"));
        return new CondorSettings(List.of(prefix.toString()), Optional.empty(), Duration.ofMillis(500),
                WrapperLaunch.in(dir.resolve("worker")), JobPolicy.DEFAULT);
    }
}
