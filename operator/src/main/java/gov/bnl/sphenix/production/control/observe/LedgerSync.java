package gov.bnl.sphenix.production.control.observe;

import gov.bnl.sphenix.production.catalog.ledger.JobUpdate;
import gov.bnl.sphenix.production.catalog.ledger.LedgerJob;
import gov.bnl.sphenix.production.job.BatchJob;
import gov.bnl.sphenix.production.job.BatchJobId;
import gov.bnl.sphenix.production.job.JobKey;
import gov.bnl.sphenix.production.job.LedgerState;
import gov.bnl.sphenix.production.plan.BatchQueue;
import gov.bnl.sphenix.production.plan.JobSeen;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Turns the plan's sightings ({@link JobSeen}: what the queue says of live jobs no action touched;
 * the planner decides which, leaving out rows that already say what the queue says) into ledger
 * updates.
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
            updates.add(new JobUpdate(row.id(), sighting.state(), sighting.startedAt(), Optional.empty(),
                    OptionalInt.empty(), OptionalLong.empty()));
        }
        return updates;
    }
}
