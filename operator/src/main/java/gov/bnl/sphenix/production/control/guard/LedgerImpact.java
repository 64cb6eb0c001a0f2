package gov.bnl.sphenix.production.control.guard;

import gov.bnl.sphenix.production.catalog.ledger.LedgerView;
import gov.bnl.sphenix.production.job.LedgerState;
import gov.bnl.sphenix.production.source.Revision;
import gov.bnl.sphenix.production.spec.Production;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The jobs a revision would kill, as the ledger has them: the live rows (submitting, queued,
 * running, held) of each removed production whose removal policy kills. The same jobs the
 * removal planner kills at the next pass, give or take what the queue changed meanwhile.
 */
public final class LedgerImpact implements ImpactOfRevision {

    private static final List<LedgerState> LIVE = Arrays.stream(LedgerState.values()).filter(LedgerState::isLive)
            .toList();

    private final LedgerView ledger;

    public LedgerImpact(LedgerView ledger) {
        this.ledger = ledger;
    }

    @Override
    public long jobsKilled(Revision head, List<Production> removed) throws SQLException {
        long killed = 0;
        for (Production p : removed) {
            if (p.onRemoval().action().kills()) {
                // by ledger id: a read retried after a transient failure shows a row twice
                Set<Long> live = new HashSet<>();
                ledger.jobs(p.name(), LIVE, job -> live.add(job.id()));
                killed += live.size();
            }
        }
        return killed;
    }
}
