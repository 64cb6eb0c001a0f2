package gov.bnl.sphenix.production.cli;

import gov.bnl.sphenix.production.catalog.ledger.report.FailedJob;
import gov.bnl.sphenix.production.catalog.ledger.report.FailedJobs;
import gov.bnl.sphenix.production.control.events.JobLogs;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * {@code prodctl status --failed}: each failed job with why it failed and where its logs are, as
 * its failure was told; a job whose failure was not told one by one (a bad pass tells the first
 * few) says so.
 */
final class FailedJobsText {

    private FailedJobsText() {
    }

    static String render(FailedJobs.Listing listing) {
        if (listing.jobs().isEmpty()) {
            return "no failed jobs\n";
        }
        StringBuilder out = new StringBuilder();
        for (FailedJob job : listing.jobs()) {
            out.append(job.production()).append(' ').append(job.jobName()).append("  attempt ").append(job.attempt())
                    .append(job.endedAt().map(t -> "  ended " + t.truncatedTo(ChronoUnit.SECONDS)).orElse(""))
                    .append('\n');
            Optional<JobLogs> logs = job.told().flatMap(JobLogs::in);
            out.append("  ").append(job.told().map(FailedJobsText::reason).orElse("(its failure was not told one by one;"
                    + " see prodctl history)")).append('\n');
            logs.ifPresent(l -> out.append("  out        ").append(l.out()).append('\n')
                    .append("  err        ").append(l.err()).append('\n')
                    .append("  batch log  ").append(l.batchLog()).append('\n'));
        }
        out.append("failed: ").append(listing.total()).append(" jobs");
        if (listing.total() > listing.jobs().size()) {
            out.append(", the newest ").append(listing.jobs().size()).append(" shown");
        }
        return out.append('\n').toString();
    }

    /** The message without the logs, which follow on lines of their own. */
    private static String reason(String told) {
        int logs = told.lastIndexOf(" (logs: ");
        return logs < 0 ? told : told.substring(0, logs);
    }
}
