package gov.bnl.sphenix.production.plan;

import gov.bnl.sphenix.production.job.JobKey;
import gov.bnl.sphenix.production.job.LedgerState;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What the operator observed this pass. The batch queue is small enough to hold (tens of
 * thousands of jobs); candidates, ledger rows and outputs can be millions, so they come as
 * streams per production, each sorted by {@link JobKey}, and the planner merges them one
 * production at a time. An implementation may hand out cursors (the one the engine uses,
 * {@code control.observe.CatalogObservation}, holds the rows in memory and says how many); the
 * planner closes every stream it opens.
 *
 * <p>The planner calls each stream method at most once per production and pass. File names in
 * candidates' inputs and in outputs must be spelled alike (the catalog's lfn; a directory in front
 * is ignored), since protecting inputs from deletion compares them.
 */
public interface Observation {

    /** The time of the observation; the planner has no clock of its own. */
    Instant now();

    BatchQueue queue();

    /** Ready job keys of a desired production with their inputs, sorted by key, no duplicates. */
    Stream<Candidate> candidates(String production);

    /**
     * Ledger rows of a production, sorted by key, no duplicates. An observation may leave out
     * finished rows (succeeded, failed) of keys that no candidate, job or output of this pass names,
     * and count them in {@link #finishedElsewhere} instead: all the planner would do with them is
     * count them, and a production's history can be millions of rows.
     */
    Stream<LedgerRow> ledger(String production);

    /**
     * The finished rows {@link #ledger} left out, by state; asked once the production's ledger
     * stream has been read. None by default (a ledger stream of every row).
     */
    default Map<LedgerState, Long> finishedElsewhere(String production) {
        return Map.of();
    }

    /**
     * Keys of a production whose outputs exist, with their file names, sorted by key, no duplicates.
     * Asked of every declared production, and of a removed one when its outputs are due for deletion.
     */
    Stream<ExistingOutput> outputs(String production);

    /**
     * The recorded inputs of every job the ledger holds live (submitting, queued, running or held), of
     * every production, in any order. Asked at most once per pass, and only when the pass may delete
     * outputs: deletions must spare what running jobs read, whatever the specs say today.
     */
    Stream<LiveJobInputs> liveJobInputs();

    /**
     * Submissions of a production that keep failing the same way, if they do: the planner backs off
     * from them. None by default (an observation that remembers no earlier pass).
     */
    default Optional<SubmissionTrouble> submissionTrouble(String production) {
        return Optional.empty();
    }
}
