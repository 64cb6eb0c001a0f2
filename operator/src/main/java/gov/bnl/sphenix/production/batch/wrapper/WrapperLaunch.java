package gov.bnl.sphenix.production.batch.wrapper;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.stream.Collectors;
import java.util.List;
import java.util.Objects;

/**
 * How a worker starts the {@link JobWrapper}: a Java executable, JVM options and a class path
 * holding this project's jar. The wrapper's own memory counts against the job's request, hence a
 * small, quickly started JVM by default.
 *
 * @param java       the java executable on the worker
 * @param jvmOptions options before {@code -cp}
 * @param classpath  the shaded {@code prodctl.jar} (or classes and their dependencies) on the worker
 */
public record WrapperLaunch(String java, List<String> jvmOptions, String classpath) {

    /** About 40 MB of resident memory and a fast start; the wrapper only starts a process and copies files. */
    public static final List<String> SMALL_JVM = List.of("-Xmx48m", "-Xss512k", "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1", "-Xshare:auto");

    public WrapperLaunch {
        Objects.requireNonNull(java, "java");
        jvmOptions = List.copyOf(jvmOptions);
        Objects.requireNonNull(classpath, "classpath");
        if (java.isEmpty() || classpath.isEmpty()) {
            throw new IllegalArgumentException("the wrapper launch needs a java executable and a class path");
        }
    }

    /** A jar on the worker, run by the given java with {@link #SMALL_JVM}. */
    public static WrapperLaunch jar(String java, String jar) {
        return new WrapperLaunch(java, SMALL_JVM, jar);
    }

    /** This JVM's java and class path: the local executor, where the worker is this machine. */
    public static WrapperLaunch currentJvm() {
        String java = ProcessHandle.current().info().command()
                .orElse(System.getProperty("java.home") + "/bin/java");
        // absolute: a job starts in its own log directory, where a relative class path finds nothing
        String classpath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(entry -> Path.of(entry).toAbsolutePath().toString())
                .collect(Collectors.joining(File.pathSeparator));
        return new WrapperLaunch(java, SMALL_JVM, classpath);
    }

    /** The JVM part of the command: everything before the wrapper's own arguments. */
    public List<String> jvmArguments() {
        List<String> args = new ArrayList<>(jvmOptions);
        args.add("-cp");
        args.add(classpath);
        args.add(JobWrapper.class.getName());
        return args;
    }

    /** The full command line of one job. */
    public List<String> command(List<String> wrapperArguments) {
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(jvmArguments());
        command.addAll(wrapperArguments);
        return command;
    }
}
