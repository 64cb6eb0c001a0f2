package gov.bnl.sphenix.production.batch;

import gov.bnl.sphenix.production.spec.JobContract;
import gov.bnl.sphenix.production.job.JobKey;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;

/**
 * Prepares the submit-side files of jobs before they are queued: their log directories (the batch
 * system writes stdout, stderr and its event log there, as the job's user) and one input bundle
 * per submission holding the input list of every job the wrapper runs. A job in sphenixprod's
 * convention copies its list into its scratch directory with its payload, under the one name the
 * list helpers read, so it gets a file of its own instead ({@link JobFiles#shippedInputList()}).
 *
 * <p>One bundle, not one list file per job: creating a thousand small files on the shared file
 * system cost as much as {@code condor_submit} itself, and at 50k jobs a pass it is the metadata
 * storm shared file systems suffer from. Each job gets its {@link InputSlice} (offset and length)
 * and the wrapper on the worker reads just that range into the payload's working directory. The
 * bundle is plain text, a {@code # <job key>} line before each list, for people reading it.
 *
 * <p>By default the directories made here get what the operator's umask gives. When the jobs run
 * as another account of the production group, a mode such as {@code 2775} (group-writable, and
 * setgid so that everything below stays in the group) is configured with
 * {@value #MODE_VARIABLE}; never world-writable in production, where any user on a worker could
 * otherwise plant files or links in another production's log tree.
 */
public final class JobDirectories {

    /** The environment variable that sets the mode of directories made for jobs (octal, e.g. {@code 2775}). */
    public static final String MODE_VARIABLE = "PRODOP_JOB_DIRECTORY_MODE";

    private final OptionalInt mode;

    /** @param mode Unix mode of directories made here (setgid and sticky bits allowed); empty: the process umask decides */
    public JobDirectories(OptionalInt mode) {
        if (mode.isPresent() && (mode.getAsInt() & ~07777) != 0) {
            throw new IllegalArgumentException(Integer.toOctalString(mode.getAsInt()) + " is not a Unix mode");
        }
        this.mode = mode;
    }

    public static JobDirectories withUmask() {
        return new JobDirectories(OptionalInt.empty());
    }

    /** Directories with the given octal mode, e.g. {@code "2775"}; a clear error for anything else. */
    public static JobDirectories withMode(String octal) {
        if (octal == null || !octal.strip().matches("[0-7]{3,4}")) {
            throw new IllegalArgumentException("the job directory mode is an octal Unix mode like 2775 (group-writable,"
                    + " setgid), not '" + octal + "'");
        }
        return new JobDirectories(OptionalInt.of(Integer.parseInt(octal.strip(), 8)));
    }

    /** {@value #MODE_VARIABLE} when it is set, else the process umask. */
    public static JobDirectories fromEnvironment(Map<String, String> environment) {
        String mode = environment.get(MODE_VARIABLE);
        return mode == null || mode.isBlank() ? withUmask() : withMode(mode);
    }

    /**
     * Directories anyone may write: only for a test pool (scripts/minicondor.sh) whose jobs run as
     * an unrelated user; callers ask for it explicitly.
     */
    public static JobDirectories worldWritable() {
        return withMode("0777");
    }

    /**
     * Makes every job's log directory and the staging directories its outputs are published into,
     * and writes the input bundle, in the first job's log directory; returns where each job's input
     * list is. Throws {@link SubmitException} (nothing queued) when a file cannot be written.
     *
     * <p>The staging directories are made here, with this mode, rather than by the job wrapper: a
     * wrapper running as another account would make them with its own umask, and the operator
     * could then not move the outputs out of them.
     */
    public Map<JobKey, InputSlice> prepare(List<JobSpec> jobs) {
        Map<JobKey, InputSlice> slices = new LinkedHashMap<>();
        if (jobs.isEmpty()) {
            return slices;
        }
        Set<Path> made = new HashSet<>();
        try {
            for (JobSpec job : jobs) {
                if (made.add(job.files().directory())) {
                    directory(job.files().directory());
                }
                // the batch system opens its event log at submission: the rule's condor directory must exist by then
                if (made.add(job.files().batchLog().getParent())) {
                    directory(job.files().batchLog().getParent());
                }
                for (JobOutput output : job.outputs()) {
                    if (made.add(output.destination().getParent())) {
                        directory(output.destination().getParent());
                    }
                }
            }
            List<JobSpec> wrapped = jobs.stream().filter(job -> job.contract() == JobContract.OPERATOR).toList();
            if (!wrapped.isEmpty()) {
                bundle(wrapped, slices);
            }
            for (JobSpec job : jobs) {
                if (job.contract() == JobContract.SPHENIXPROD) {
                    shippedInputList(job, made);
                }
            }
        } catch (IOException e) {
            // before any call to the batch system: nothing was queued
            throw new SubmitException("cannot prepare the submit-side files of " + jobs.get(0).key() + ": " + e, false,
                    List.of());
        }
        return slices;
    }

    private static void bundle(List<JobSpec> jobs, Map<JobKey, InputSlice> slices) throws IOException {
        JobSpec first = jobs.get(0);
        Path bundle = first.files().directory().resolve("inputs-" + first.batchToken() + "-"
                + UUID.randomUUID().toString().substring(0, 8) + ".bundle");
        try (OutputStream out = Files.newOutputStream(bundle, StandardOpenOption.CREATE_NEW)) {
            long offset = 0;
            for (JobSpec job : jobs) {
                byte[] header = ("# " + job.key() + "\n").getBytes(StandardCharsets.UTF_8);
                byte[] list = inputList(job).getBytes(StandardCharsets.UTF_8);
                out.write(header);
                out.write(list);
                slices.put(job.key(), new InputSlice(bundle, offset + header.length, list.length));
                offset += header.length + list.length;
            }
        }
    }

    /**
     * The input list a job in sphenixprod's convention copies with its payload, alone in its own
     * directory. Jobs can write to the log directory, so nothing there is written through a link:
     * a link in place of the directory is refused, and the list is made new.
     */
    private void shippedInputList(JobSpec job, Set<Path> made) throws IOException {
        Path list = job.files().shippedInputList();
        Path directory = list.getParent();
        if (Files.isSymbolicLink(directory)) {
            throw new IOException(directory + " is a symbolic link; a job's input list is never written through one");
        }
        if (made.add(directory)) {
            directory(directory);
        }
        Files.deleteIfExists(list);
        try (OutputStream out = Files.newOutputStream(list, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                LinkOption.NOFOLLOW_LINKS)) {
            out.write(inputList(job).getBytes(StandardCharsets.UTF_8));
        }
    }

    private static String inputList(JobSpec job) {
        StringBuilder s = new StringBuilder();
        job.inputs().forEach(input -> s.append(input).append('\n'));
        return s.toString();
    }

    /** Thousands of jobs share a few directories: each is made (and its parents checked) once per call. */
    private void directory(Path directory) throws IOException {
        Deque<Path> missing = new ArrayDeque<>();
        for (Path p = directory; p != null && !Files.isDirectory(p); p = p.getParent()) {
            missing.push(p);
        }
        Files.createDirectories(directory);
        if (mode.isPresent()) {
            for (Path made : missing) {
                // the "unix" view sets setgid too, which PosixFilePermission cannot express
                Files.setAttribute(made, "unix:mode", mode.getAsInt(), LinkOption.NOFOLLOW_LINKS);
            }
        }
    }
}
