package gov.bnl.sphenix.production.plan;

import gov.bnl.sphenix.production.job.BatchJob;
import gov.bnl.sphenix.production.job.BatchState;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When a job that completed well but left no manifest fails: its outputs cannot be trusted (a
 * rerun token brings it back), but a shared file system may show a file late, hence a grace
 * period. The harvest asks this of each such job with the pass's observed time; the decision is
 * the planner package's, pure like the rest of it.
 */
public final class MissingManifest {

    /** How long a completed job's manifest may take to show on the shared file system, unless the operators say. */
    public static final Duration GRACE = Duration.ofMinutes(10);

    private MissingManifest() {
    }

    /**
     * Why {@code job} fails now for want of a manifest; empty while it may still show, or when the
     * job did not complete with exit code 0 (other rules decide those).
     */
    public static Optional<String> overdue(BatchJob job, Instant now) {
        return overdue(job, now, GRACE);
    }

    /** As {@link #overdue(BatchJob, Instant)}, with the operators' grace period. */
    public static Optional<String> overdue(BatchJob job, Instant now, Duration grace) {
        if (job.state() != BatchState.COMPLETED || job.exitCode().orElse(0) != 0
                || !job.stateSince().map(t -> t.plus(grace).isBefore(now)).orElse(false)) {
            return Optional.empty();
        }
        return Optional.of("batch job " + job.id() + " completed " + Words.duration(grace)
                + " ago or more but left no manifest next to its logs");
    }
}
