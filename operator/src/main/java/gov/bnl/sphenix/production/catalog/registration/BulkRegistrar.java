package gov.bnl.sphenix.production.catalog.registration;

import gov.bnl.sphenix.production.catalog.CopyWriter;
import gov.bnl.sphenix.production.catalog.Transactions;
import gov.bnl.sphenix.production.catalog.retry.Retry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Objects;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers outputs into the FileCatalog ({@code files} and {@code datasets}) in batches, one
 * transaction per batch. The operator's outputs are almost always new, so a batch is first COPYed
 * straight into both tables inside a savepoint; the primary keys of both tables refuse any name
 * already catalogued (SQLState 23505). Only then is the savepoint rolled back and the batch taken
 * the careful way: look up what the catalog already holds under the batch's names (two indexed
 * lookups), decide in {@link BatchPlan} what is new, unchanged or in conflict, and COPY the new
 * rows. Today's spider commits row by row (~50 files/s); this runs at close to raw COPY speed when
 * the outputs are new, and at a good fraction of it when some are not.
 *
 * <p>Idempotent: a name already catalogued with the same checksum is left alone, so a harvest may
 * run twice and a retry after a lost commit is harmless. A name with another checksum — in the
 * catalog, or twice in one batch — is a {@link RegistrationConflict}: reported, never written.
 *
 * <p>The unique keys of both tables stand guard: they are what makes the first COPY safe, and
 * registrations by operator replicas queue on a transaction-level advisory lock; should another
 * writer slip a row in between lookup and COPY, the COPY fails on the key, the batch rolls back
 * whole, and it is decided once more.
 */
public final class BulkRegistrar implements OutputRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(BulkRegistrar.class);

    public static final int DEFAULT_BATCH = 5_000;

    /** Any fixed number works; it names "FileCatalog registration" among advisory locks. */
    private static final long REGISTRATION_LOCK = 0x70726f646f70L;
    private static final String UNIQUE_VIOLATION = "23505";

    private static final String LOCK = "SELECT pg_advisory_xact_lock(?)";
    private static final String COPY_FILES = """
            COPY files (lfn, full_host_name, full_file_path, time, size, md5) FROM STDIN""";
    private static final String COPY_DATASETS = """
            COPY datasets (filename, runnumber, segment, size, dataset, dsttype, events, firstevent, lastevent,
                           tag, status) FROM STDIN""";

    private final DataSource fileCatalog;
    private final Retry retry;
    private final Clock clock;
    private final int batchSize;

    public BulkRegistrar(DataSource fileCatalog, Retry retry, Clock clock, int batchSize) {
        this.fileCatalog = Objects.requireNonNull(fileCatalog, "fileCatalog");
        this.retry = Objects.requireNonNull(retry, "retry");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be positive, got " + batchSize);
        }
        this.batchSize = batchSize;
    }

    /**
     * The checksums the catalog holds under each of {@code lfns} (names it does not know are left
     * out). The harvester asks before it moves a file into the final tree, so that a file
     * catalogued with another checksum is never replaced on disk; {@link #register} decides again
     * under its lock, so a writer slipping in between is still caught there.
     */
    public Map<String, Set<String>> checksums(Collection<String> lfns) throws SQLException {
        if (lfns.isEmpty()) {
            return Map.of();
        }
        List<String> names = List.copyOf(new LinkedHashSet<>(lfns));
        return Transactions.run(fileCatalog, retry, "look up " + names.size() + " outputs", c -> {
            CatalogState catalog = CatalogState.of(c, names);
            Map<String, Set<String>> known = new HashMap<>();
            for (String lfn : names) {
                Set<String> md5s = catalog.checksums(lfn);
                if (!md5s.isEmpty()) {
                    known.put(lfn, md5s);
                }
            }
            return known;
        });
    }

    /** Registers everything, batch by batch; each batch commits on its own. */
    public RegistrationResult register(List<CatalogedOutput> outputs) throws SQLException {
        RegistrationResult total = RegistrationResult.NONE;
        for (int from = 0; from < outputs.size(); from += batchSize) {
            total = total.plus(registerBatch(outputs.subList(from, Math.min(outputs.size(), from + batchSize))));
        }
        if (!total.conflicts().isEmpty()) {
            LOG.warn("{} outputs conflict with the catalog and were not registered, first: {}",
                    total.conflicts().size(), total.conflicts().get(0));
        }
        return total;
    }

    private RegistrationResult registerBatch(List<CatalogedOutput> outputs) throws SQLException {
        OutputNames names = new OutputNames();
        List<StagedOutput> batch = outputs.stream().map(output -> StagedOutput.of(output, names)).toList();
        String what = "register " + batch.size() + " outputs";
        try {
            return Transactions.run(fileCatalog, retry, what, c -> write(c, batch));
        } catch (SQLException e) {
            if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
                throw e;
            }
            LOG.info("{}: another writer registered some of these meanwhile; deciding the batch again", what);
            return Transactions.run(fileCatalog, retry, what, c -> write(c, batch));
        }
    }

    private RegistrationResult write(Connection c, List<StagedOutput> batch) throws SQLException {
        try (PreparedStatement lock = c.prepareStatement(LOCK)) {
            lock.setLong(1, REGISTRATION_LOCK);
            lock.executeQuery().close();
        }
        LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        if (distinctNames(batch)) {
            Savepoint beforeCopy = c.setSavepoint();
            try {
                copyFiles(c, batch, now);
                copyDatasets(c, batch);
                return new RegistrationResult(batch.size(), 0, List.of());
            } catch (SQLException e) {
                if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
                    throw e;
                }
                // some name is catalogued already (a harvest repeated after a crash, a retry after a
                // lost commit): nothing of the attempt stays, and the batch is decided name by name
                c.rollback(beforeCopy);
            }
        }
        return decided(c, batch, now);
    }

    /**
     * The careful path: what the catalog holds under the batch's names looked up, and only the new
     * rows copied. Under the lock, so what was looked up still holds when the COPY runs.
     */
    private static RegistrationResult decided(Connection c, List<StagedOutput> batch, LocalDateTime now)
            throws SQLException {
        CatalogState catalog = CatalogState.of(c, batch.stream().map(StagedOutput::lfn).distinct().toList());
        BatchPlan plan = BatchPlan.of(batch, catalog);
        if (!plan.newCopies.isEmpty()) {
            copyFiles(c, plan.newCopies, now);
        }
        if (!plan.newOutputs.isEmpty()) {
            copyDatasets(c, plan.newOutputs);
        }
        return new RegistrationResult(plan.newCopies.size(), plan.unchanged, new ArrayList<>(plan.conflicts.values()));
    }

    /** Whether no name comes twice in the batch: a name twice is decided by the careful path at once. */
    private static boolean distinctNames(List<StagedOutput> batch) {
        Set<String> names = new HashSet<>();
        for (StagedOutput output : batch) {
            if (!names.add(output.lfn())) {
                return false;
            }
        }
        return true;
    }

    private static void copyFiles(Connection c, List<StagedOutput> outputs, LocalDateTime now) throws SQLException {
        try (CopyWriter copy = new CopyWriter(c, COPY_FILES)) {
            for (StagedOutput staged : outputs) {
                CatalogedOutput o = staged.output();
                copy.text(staged.lfn()).text(o.storage()).text(o.path()).timestamp(now).number(o.size()).text(o.md5())
                        .endRow();
            }
            copy.finish();
        }
    }

    private static void copyDatasets(Connection c, List<StagedOutput> outputs) throws SQLException {
        try (CopyWriter copy = new CopyWriter(c, COPY_DATASETS)) {
            for (StagedOutput staged : outputs) {
                CatalogedOutput o = staged.output();
                copy.text(staged.lfn()).number(o.file().run()).number(o.file().segment()).number(o.size())
                        .text(o.file().dataset()).text(staged.product()).number(o.events()).number(o.firstEvent())
                        .number(o.lastEvent()).text(staged.tag()).number(1).endRow();
            }
            copy.finish();
        }
    }
}
