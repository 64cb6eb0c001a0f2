package gov.bnl.sphenix.production.catalog.registration;

import gov.bnl.sphenix.production.catalog.CopyWriter;
import gov.bnl.sphenix.production.catalog.SqlArrays;
import gov.bnl.sphenix.production.catalog.retry.Retry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers outputs into the FileCatalog ({@code files} and {@code datasets}) in batches: each
 * batch is COPYed into a temporary staging table and moved into the catalog with two set-based
 * INSERTs, all in one transaction. Today's spider commits row by row (~50 files/s); one round
 * trip and one commit per batch is what makes thousands per second possible.
 *
 * <p>Idempotent: a name already catalogued with the same checksum is left alone, so a harvest may
 * run twice and a retry after a lost commit is harmless. A name with another checksum is a
 * {@link RegistrationConflict}, reported and never overwritten.
 */
public final class BulkRegistrar {

    private static final Logger LOG = LoggerFactory.getLogger(BulkRegistrar.class);

    public static final int DEFAULT_BATCH = 5_000;

    // ON COMMIT DELETE ROWS: the table lives as long as the pooled session, its rows as long as the batch.
    private static final String CREATE_STAGE = """
            CREATE TEMPORARY TABLE IF NOT EXISTS registration_stage (
                lfn            text   NOT NULL,
                full_host_name text   NOT NULL,
                full_file_path text   NOT NULL,
                size           bigint NOT NULL,
                md5            text   NOT NULL,
                runnumber      integer NOT NULL,
                segment        integer NOT NULL,
                dataset        text   NOT NULL,
                dsttype        text   NOT NULL,
                tag            text   NOT NULL,
                events         bigint NOT NULL,
                firstevent     bigint NOT NULL,
                lastevent      bigint NOT NULL,
                time           timestamp NOT NULL
            ) ON COMMIT DELETE ROWS""";

    private static final String COPY_STAGE = """
            COPY registration_stage (lfn, full_host_name, full_file_path, size, md5, runnumber, segment, dataset,
                                     dsttype, tag, events, firstevent, lastevent, time) FROM STDIN""";

    // Statistics on the fresh rows let the planner probe the big catalog by index instead of scanning it.
    private static final String ANALYZE_STAGE = "ANALYZE registration_stage";

    private static final String FIND_CONFLICTS = """
            SELECT s.lfn, f.md5, s.md5
              FROM registration_stage s
              JOIN files f ON f.lfn = s.lfn
             WHERE f.md5 IS DISTINCT FROM s.md5
            UNION ALL
            SELECT s.lfn, min(s.md5), max(s.md5)
              FROM registration_stage s
             GROUP BY s.lfn
            HAVING count(DISTINCT s.md5) > 1""";

    private static final String DROP_CONFLICTING = "DELETE FROM registration_stage WHERE lfn = ANY (?)";

    private static final String INSERT_FILES = """
            INSERT INTO files (lfn, full_host_name, full_file_path, time, size, md5)
            SELECT lfn, full_host_name, full_file_path, time, size, md5
              FROM registration_stage
            ON CONFLICT (lfn, full_host_name) DO NOTHING""";

    private static final String INSERT_DATASETS = """
            INSERT INTO datasets (filename, runnumber, segment, size, dataset, dsttype, events, firstevent, lastevent,
                                  tag, status)
            SELECT lfn, runnumber, segment, size, dataset, dsttype, events, firstevent, lastevent, tag, 1
              FROM registration_stage
            ON CONFLICT (filename) DO NOTHING""";

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

    /** Registers everything, batch by batch; each batch commits on its own. */
    public RegistrationResult register(List<CatalogedOutput> outputs) throws SQLException {
        RegistrationResult total = RegistrationResult.NONE;
        for (int from = 0; from < outputs.size(); from += batchSize) {
            List<CatalogedOutput> batch = outputs.subList(from, Math.min(outputs.size(), from + batchSize));
            total = total.plus(retry.call("register " + batch.size() + " outputs", () -> registerBatch(batch)));
        }
        if (!total.conflicts().isEmpty()) {
            LOG.warn("{} outputs conflict with the catalog and were not registered, first: {}",
                    total.conflicts().size(), total.conflicts().get(0));
        }
        return total;
    }

    private RegistrationResult registerBatch(List<CatalogedOutput> batch) throws SQLException {
        LocalDateTime now = LocalDateTime.now(clock);
        try (Connection c = fileCatalog.getConnection()) {
            c.setAutoCommit(false);
            try {
                execute(c, CREATE_STAGE);
                stage(c, batch, now);
                execute(c, ANALYZE_STAGE);
                List<RegistrationConflict> conflicts = conflicts(c);
                if (!conflicts.isEmpty()) {
                    dropConflicting(c, conflicts);
                }
                long registered = update(c, INSERT_FILES);
                update(c, INSERT_DATASETS);
                c.commit();
                long conflictingRows = countConflictingRows(batch, conflicts);
                return new RegistrationResult(registered, batch.size() - conflictingRows - registered, conflicts);
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    private static void stage(Connection c, List<CatalogedOutput> batch, LocalDateTime now) throws SQLException {
        try (CopyWriter copy = new CopyWriter(c, COPY_STAGE)) {
            for (CatalogedOutput o : batch) {
                copy.text(o.lfn()).text(o.storage()).text(o.path()).number(o.size()).text(o.md5())
                        .number(o.file().run()).number(o.file().segment()).text(o.file().dataset())
                        .text(o.file().product()).text(o.file().tag().toString())
                        .number(o.events()).number(o.firstEvent()).number(o.lastEvent()).timestamp(now)
                        .endRow();
            }
            copy.finish();
        }
    }

    /** One conflict per name, even when a name clashes both with the catalog and within the batch. */
    private static List<RegistrationConflict> conflicts(Connection c) throws SQLException {
        Map<String, RegistrationConflict> conflicts = new LinkedHashMap<>();
        try (PreparedStatement s = c.prepareStatement(FIND_CONFLICTS); ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                conflicts.putIfAbsent(rs.getString(1), new RegistrationConflict(rs.getString(1), rs.getString(2), rs.getString(3)));
            }
        }
        return new ArrayList<>(conflicts.values());
    }

    private static void dropConflicting(Connection c, List<RegistrationConflict> conflicts) throws SQLException {
        List<String> lfns = conflicts.stream().map(RegistrationConflict::lfn).toList();
        try (PreparedStatement s = c.prepareStatement(DROP_CONFLICTING)) {
            s.setArray(1, SqlArrays.texts(c, lfns));
            s.executeUpdate();
        }
    }

    private static long countConflictingRows(List<CatalogedOutput> batch, List<RegistrationConflict> conflicts) {
        if (conflicts.isEmpty()) {
            return 0;
        }
        Set<String> lfns = new HashSet<>();
        conflicts.forEach(conflict -> lfns.add(conflict.lfn()));
        return batch.stream().filter(o -> lfns.contains(o.lfn())).count();
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static long update(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            return s.executeLargeUpdate(sql);
        }
    }
}
