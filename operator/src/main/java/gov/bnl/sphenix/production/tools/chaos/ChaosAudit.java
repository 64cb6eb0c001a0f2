package gov.bnl.sphenix.production.tools.chaos;

import gov.bnl.sphenix.production.batch.BatchSystem;
import gov.bnl.sphenix.production.catalog.connect.Catalogs;
import gov.bnl.sphenix.production.catalog.ledger.JobLedger;
import gov.bnl.sphenix.production.catalog.ledger.LedgerJob;
import gov.bnl.sphenix.production.catalog.readiness.Readiness;
import gov.bnl.sphenix.production.catalog.readiness.ReadinessRequests;
import gov.bnl.sphenix.production.job.JobKey;
import gov.bnl.sphenix.production.job.LedgerState;
import gov.bnl.sphenix.production.spec.Production;
import gov.bnl.sphenix.production.spec.SpecRepository;
import gov.bnl.sphenix.production.spec.load.SpecLoader;
import gov.bnl.sphenix.production.spec.tree.DirectoryTree;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Audits a production world from its sources of truth, never through the engine: the batch
 * system's queue and history, the ledger, the FileCatalog and the files on disk. The desired keys
 * are what the catalogs say is ready for the productions the specs declare; a key is done when its
 * ledger row succeeded.
 */
public final class ChaosAudit {

    private final Catalogs catalogs;
    private final QueueAudit queue;
    private final OutputAudit outputs;
    private final JobLedger ledger;

    /** @param dstRoot the final tree of DSTs the productions write into */
    public ChaosAudit(Catalogs catalogs, BatchSystem batch, Path dstRoot) {
        this.catalogs = catalogs;
        this.queue = new QueueAudit(batch);
        this.outputs = new OutputAudit(catalogs.fileCatalog(), dstRoot);
        this.ledger = new JobLedger(catalogs.ledger(), catalogs.retry(), Clock.systemUTC());
    }

    /** The specs as committed in a working tree of the specs repository (its head, when clean). */
    public static SpecRepository specsIn(Path specsWorkTree) {
        return SpecLoader.load(new DirectoryTree(specsWorkTree)).repository().orElseThrow(() ->
                new IllegalArgumentException(specsWorkTree + " does not hold valid specs; prodctl validate says why"));
    }

    /** Everything found wrong with the world the productions of {@code specs} made. */
    public ChaosFindings audit(SpecRepository specs) throws SQLException {
        List<String> duplicates = new ArrayList<>();
        List<String> orphans = new ArrayList<>();
        List<String> notDone = new ArrayList<>();
        int desired = 0;
        for (Production production : specs.productions()) {
            Map<JobKey, LedgerJob> rows = rows(production.name());
            QueueAudit.Jobs jobs = queue.read(production.name());
            duplicates.addAll(QueueAudit.duplicates(jobs));
            orphans.addAll(QueueAudit.orphans(jobs, rows));
            Set<JobKey> keys = desiredKeys(production, specs);
            desired += keys.size();
            for (JobKey key : keys) {
                LedgerJob row = rows.get(key);
                if (row == null || row.state() != LedgerState.SUCCEEDED) {
                    notDone.add(key + (row == null ? " has no ledger row" : " is " + row.state()));
                }
            }
        }
        OutputAudit.Result files = outputs.audit();
        duplicates.addAll(files.cataloguedTwice());
        return new ChaosFindings(duplicates, files.lost(), orphans, desired, notDone);
    }

    /** True when no job of the productions is live and every desired key is done: the world has settled. */
    public boolean settled(SpecRepository specs) throws SQLException {
        for (Production production : specs.productions()) {
            try {
                if (queue.read(production.name()).anyLive()) {
                    return false;
                }
            } catch (IllegalStateException e) {
                // a schedd that does not answer (restarting, or busy) says nothing: look again later
                return false;
            }
            Map<JobKey, LedgerJob> rows = rows(production.name());
            for (JobKey key : desiredKeys(production, specs)) {
                LedgerJob row = rows.get(key);
                if (row == null || !row.state().isFinished()) {
                    return false;
                }
            }
        }
        return true;
    }

    private Map<JobKey, LedgerJob> rows(String production) throws SQLException {
        Map<JobKey, LedgerJob> rows = new TreeMap<>();
        ledger.jobs(production, EnumSet.allOf(LedgerState.class), row -> rows.put(row.key().job(), row));
        return rows;
    }

    private Set<JobKey> desiredKeys(Production production, SpecRepository specs) throws SQLException {
        Set<JobKey> keys = new TreeSet<>();
        Readiness.of(catalogs).find(ReadinessRequests.forProduction(production, specs.catalogue()), c -> {
            keys.add(JobKey.ofLeaf(production.name(), c.run(), c.segment(), c.leaf()));
            return true;
        });
        return keys;
    }
}
