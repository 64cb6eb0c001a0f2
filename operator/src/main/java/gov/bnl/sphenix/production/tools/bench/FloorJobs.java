package gov.bnl.sphenix.production.tools.bench;

import gov.bnl.sphenix.production.job.BatchJobId;
import gov.bnl.sphenix.production.job.JobKey;
import gov.bnl.sphenix.production.job.LedgerState;
import gov.bnl.sphenix.production.spec.Production;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The floor's productions, their ready keys and queued jobs, and the new work each measurement
 * starts with — the same amount in every round, on keys and jobs no earlier round touched.
 *
 * @param ready  each production's ready keys, sorted; all of them done in the ledger at first
 * @param queued every queued job of the floor, production by production
 */
record FloorJobs(List<Production> productions, List<List<JobKey>> ready, List<BatchJobId> queued, FloorLayout layout) {

    /**
     * Round {@code round}'s new work: ready keys of the busy productions forgotten by the ledger (to
     * be submitted), jobs run to their end (to be harvested), queued jobs removed by hand (to be
     * marked failed) and put on hold (to be judged by the hold policy). Returns what it did, in a line.
     */
    String newWork(int round, FloorQueue queue, FloorLedger ledger, Duration patience)
            throws SQLException, InterruptedException {
        EngineFloor floor = layout.floor();
        int n = floor.newKeys();
        long forgotten = 0;
        for (int b = 0; b < Math.min(floor.busyProductions(), productions.size()); b++) {
            List<JobKey> keys = ready.get(b);
            List<JobKey> fresh = keys.subList(Math.min(keys.size(), round * n), Math.min(keys.size(), (round + 1) * n));
            if (!fresh.isEmpty()) {
                forgotten += ledger.forget(productions.get(b).name(), fresh);
            }
        }
        Production first = productions.get(0);
        int from = layout.finishingFrom() + round * floor.finishing();
        List<JobKey> finishingKeys = layout.earlyKeys(0, from, from + floor.finishing());
        String token = "bench-f" + round + "-" + first.name();
        List<BatchJobId> finished = finishingKeys.isEmpty() ? List.of()
                : queue.finishing(finishingKeys, first.namespace(), token);
        List<FloorLedger.Row> rows = new ArrayList<>();
        for (int k = 0; k < finishingKeys.size(); k++) {
            rows.add(new FloorLedger.Row(finishingKeys.get(k), first.namespace(), LedgerState.QUEUED,
                    Optional.of(finished.get(k)), token, Instant.now()));
        }
        ledger.write(rows);
        int step = queued.size() / Math.max(1, floor.removed() + floor.held());
        List<BatchJobId> removed = new ArrayList<>();
        List<BatchJobId> held = new ArrayList<>();
        for (int j = 0; j < floor.removed() + floor.held(); j++) {
            (j < floor.removed() ? removed : held).add(queued.get(j * step + round));
        }
        queue.remove(removed);
        queue.hold(held);
        int unfinished = queue.awaitGone(finished, patience);
        int stillThere = queue.awaitGone(removed, patience);
        return String.format(Locale.ROOT, "new work: %d keys to submit in %d productions, %d of %d jobs finished,"
                        + " %d of %d removed by hand out of the queue, %d put on hold", forgotten, floor.busyProductions(),
                finished.size() - unfinished, finished.size(), removed.size() - stillThere, removed.size(), held.size());
    }
}
