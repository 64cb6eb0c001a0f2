package gov.bnl.sphenix.production.batch;

import gov.bnl.sphenix.production.spec.JobKey;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Prepares the submit-side files of jobs before they are queued: their log directories (the batch
 * system writes stdout, stderr and its event log there, as the job's user) and one input bundle
 * per submission holding every job's input list.
 *
 * <p>One bundle, not one list file per job: creating a thousand small files on the shared file
 * system cost as much as {@code condor_submit} itself, and at 50k jobs a pass it is the metadata
 * storm shared file systems suffer from. Each job gets its {@link InputSlice} (offset and length)
 * and the wrapper on the worker reads just that range into the payload's working directory. The
 * bundle is plain text, a {@code # <job key>} line before each list, for people reading it.
 *
 * <p>When the operator and the jobs run as different users, the directories made here get the
 * configured permissions (e.g. {@code rwxrwxr-x} for a production group).
 */
public final class JobDirectories {

    private final Optional<Set<PosixFilePermission>> directoryPermissions;

    /** @param directoryPermissions permissions of directories made here; empty: the process umask decides */
    public JobDirectories(Optional<Set<PosixFilePermission>> directoryPermissions) {
        this.directoryPermissions = directoryPermissions.map(Set::copyOf);
    }

    public static JobDirectories withUmask() {
        return new JobDirectories(Optional.empty());
    }

    /** Directories anyone may write: for a test pool whose jobs run as another user. */
    public static JobDirectories worldWritable() {
        return new JobDirectories(Optional.of(PosixFilePermissions.fromString("rwxrwxrwx")));
    }

    /**
     * Makes every job's log directory and writes the input bundle, in the first job's log
     * directory; returns where each job's input list is. Throws {@link SubmitException} (nothing
     * queued) when a file cannot be written.
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
            }
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
        } catch (IOException e) {
            // before any call to the batch system: nothing was queued
            throw new SubmitException("cannot prepare the submit-side files of " + jobs.get(0).key() + ": " + e, false,
                    List.of());
        }
        return slices;
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
        if (directoryPermissions.isPresent()) {
            for (Path made : missing) {
                Files.setPosixFilePermissions(made, directoryPermissions.get());
            }
        }
    }
}
