package gov.bnl.sphenix.production.batch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Prepares the submit-side files of jobs before they are queued: the log directory (the batch
 * system writes stdout, stderr and its event log there, as the job's user) and the input list the
 * payload reads. When the operator and the jobs run as different users, the directories it makes
 * get the configured permissions (e.g. {@code rwxrwxr-x} for a production group).
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

    public Optional<Set<PosixFilePermission>> directoryPermissions() {
        return directoryPermissions;
    }

    /** Makes every job's log directory and writes its input list. */
    public void prepare(List<JobSpec> jobs) {
        Set<Path> made = new HashSet<>();
        try {
            for (JobSpec job : jobs) {
                if (made.add(job.files().directory())) {
                    directory(job.files().directory());
                }
                Files.write(job.files().inputList(), job.inputs());
            }
        } catch (IOException e) {
            throw new BatchSystemException("cannot prepare the log directory of a job: " + e, e);
        }
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
