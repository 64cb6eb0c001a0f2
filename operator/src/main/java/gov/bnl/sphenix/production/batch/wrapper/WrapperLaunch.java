package gov.bnl.sphenix.production.batch.wrapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How a worker starts the job wrapper: {@value #SHELL} running the wrapper script at
 * {@code script}, a path the workers see (a shared file system). A worker needs nothing else: no
 * Java, no jar. {@code /bin/sh} runs it even from a file system mounted without exec.
 *
 * @param script where the wrapper script is on the workers; {@link #install()} puts it there
 */
public record WrapperLaunch(Path script) {

    public static final String SHELL = "/bin/sh";

    public WrapperLaunch {
        Objects.requireNonNull(script, "script");
        if (!script.isAbsolute()) {
            throw new IllegalArgumentException("the job wrapper's path on the workers must be absolute: " + script);
        }
    }

    /** The wrapper of this jar in {@code directory} (nothing is written until {@link #install()}). */
    public static WrapperLaunch in(Path directory) {
        return new WrapperLaunch(directory.toAbsolutePath().resolve(WrapperScript.fileName()));
    }

    /** The wrapper of this jar, installed in {@code directory}. */
    public static WrapperLaunch installedIn(Path directory) {
        return in(directory).install();
    }

    /**
     * The wrapper installed in a new directory of the temporary directory, only ours: for jobs on
     * this machine (the local executor). A name anyone could have made first is never run.
     */
    public static WrapperLaunch privateCopy() {
        try {
            Path directory = Files.createTempDirectory("prodop-wrapper-");
            WrapperLaunch launch = installedIn(directory);
            directory.toFile().deleteOnExit();
            launch.script().toFile().deleteOnExit();
            return launch;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make a directory for the job wrapper: " + e.getMessage(), e);
        }
    }

    /** Writes the script at {@link #script()} unless it is there already, unchanged. */
    public WrapperLaunch install() {
        WrapperScript.install(script);
        return this;
    }

    /** The job's executable. */
    public String executable() {
        return SHELL;
    }

    /** What goes before the wrapper's own arguments. */
    public List<String> launchArguments() {
        return List.of(script.toString());
    }

    /** The full command line of one job. */
    public List<String> command(List<String> wrapperArguments) {
        List<String> command = new ArrayList<>();
        command.add(SHELL);
        command.addAll(launchArguments());
        command.addAll(wrapperArguments);
        return command;
    }
}
