package gov.bnl.sphenix.production.catalog.ledger.report;

import java.time.Instant;
import java.util.Optional;

/**
 * A job that failed for good, with what its last failure's audit entry said (the reason and
 * where its logs are), when the engine told it.
 *
 * @param jobName {@code run/segment[/leaf]}, as events and the audit log name jobs
 */
public record FailedJob(String production, String jobName, int attempt, Optional<Instant> endedAt,
                        Optional<String> told) {
}
