package gov.bnl.sphenix.production.control.guard;

import gov.bnl.sphenix.production.source.Revision;
import gov.bnl.sphenix.production.spec.Production;
import java.sql.SQLException;
import java.util.List;

/**
 * How many jobs applying a revision would kill. A port: the ledger answers today
 * ({@link LedgerImpact}); the planner's preview of the next pass may answer later.
 */
@FunctionalInterface
public interface ImpactOfRevision {

    /**
     * @param head    the revision that would be applied
     * @param removed the last specs of the productions it removes (their removal policies among them)
     * @return the live jobs applying it would kill
     */
    long jobsKilled(Revision head, List<Production> removed) throws SQLException;
}
