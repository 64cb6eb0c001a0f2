package gov.bnl.sphenix.production.control.observe;

import gov.bnl.sphenix.production.catalog.ledger.JobState;
import gov.bnl.sphenix.production.catalog.ledger.JobUpdate;
import gov.bnl.sphenix.production.catalog.ledger.LedgerJob;
import gov.bnl.sphenix.production.plan.JobSeen;
import gov.bnl.sphenix.production.spec.JobKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Turns the plan's sightings ({@link JobSeen}: what the queue says of live jobs no action touched;
 * the planner decides which) into ledger updates. A row that already says what the queue says is
 * not written again, so a quiet pass writes nothing.
 */
public final class LedgerSync {

    private LedgerSync() {
    }

    /** Updates for the sightings of {@code rows}' keys; sightings of other productions' keys are skipped. */
    public static List<JobUpdate> updates(Map<JobKey, LedgerJob> rows, List<JobSeen> seen) {
        List<JobUpdate> updates = new ArrayList<>();
        for (JobSeen sighting : seen) {
            LedgerJob row = rows.get(sighting.key());
            if (row == null || !LedgerRows.batchJob(row).equals(Optional.of(sighting.job()))) {
                continue;
            }
            JobState now = LedgerRows.ledgerState(sighting.state());
            if (now != row.state()) {
                updates.add(new JobUpdate(row.id(), now, sighting.startedAt(), Optional.empty(), OptionalInt.empty(),
                        OptionalLong.empty()));
            }
        }
        return updates;
    }
}
