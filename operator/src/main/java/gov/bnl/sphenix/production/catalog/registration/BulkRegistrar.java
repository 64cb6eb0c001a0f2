package gov.bnl.sphenix.production.catalog.registration;

import gov.bnl.sphenix.production.catalog.SqlArrays;
import gov.bnl.sphenix.production.catalog.Transactions;
import gov.bnl.sphenix.production.catalog.retry.Retry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
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
 * batch travels as column arrays in one statement that checks, inserts into both tables and
 * reports, in one transaction. Today's spider commits row by row (~50 files/s); one round trip
 * and one commit per batch is what makes thousands per second possible.
 *
 * <p>Idempotent: a name already catalogued with the same checksum is left alone, so a harvest may
 * run twice and a retry after a lost commit is harmless. A name with another checksum — in the
 * catalog, or twice in the batch — is a {@link RegistrationConflict}, reported and never
 * written, neither as a new copy nor as a dataset row.
 */
public final class BulkRegistrar {

    private static final Logger LOG = LoggerFactory.getLogger(BulkRegistrar.class);

    public static final int DEFAULT_BATCH = 5_000;

    // checked: the offered rows, each with the checksum the catalog holds for its name when that
    // differs. Both inserts take only the rows without one; a row whose (lfn, storage) or filename is
    // already there is skipped by ON CONFLICT, which makes a repeated harvest a no-op. The result is
    // the number of new copies, then the conflicting rows. All parts see the catalog as it was
    // before the statement, so a conflict found here was never half-written.
    private static final String REGISTER = """
            WITH checked AS MATERIALIZED (
                SELECT b.*,
                       (SELECT f.md5 FROM files f WHERE f.lfn = b.lfn AND f.md5 IS DISTINCT FROM b.md5 LIMIT 1)
                           AS catalogued_md5
                  FROM unnest(?::text[], ?::text[], ?::text[], ?::bigint[], ?::text[], ?::integer[], ?::integer[],
                              ?::text[], ?::text[], ?::text[], ?::bigint[], ?::bigint[], ?::bigint[])
                       AS b(lfn, storage, path, size, md5, run, segment, dataset, dsttype, tag, events, first_event,
                            last_event)
            ), new_copies AS (
                INSERT INTO files (lfn, full_host_name, full_file_path, time, size, md5)
                SELECT lfn, storage, path, ?::timestamptz AT TIME ZONE 'UTC', size, md5
                  FROM checked WHERE catalogued_md5 IS NULL
                ON CONFLICT (lfn, full_host_name) DO NOTHING
                RETURNING 1
            ), new_outputs AS (
                INSERT INTO datasets (filename, runnumber, segment, size, dataset, dsttype, events, firstevent,
                                      lastevent, tag, status)
                SELECT lfn, run, segment, size, dataset, dsttype, events, first_event, last_event, tag, 1
                  FROM checked WHERE catalogued_md5 IS NULL
                ON CONFLICT (filename) DO NOTHING
                RETURNING 1
            )
            SELECT (SELECT count(*) FROM new_copies), NULL, NULL, NULL
            UNION ALL
            SELECT NULL, lfn, catalogued_md5, md5 FROM checked WHERE catalogued_md5 IS NOT NULL""";

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
            total = total.plus(Transactions.run(fileCatalog, retry, "register " + batch.size() + " outputs",
                    c -> registerBatch(c, batch)));
        }
        if (!total.conflicts().isEmpty()) {
            LOG.warn("{} outputs conflict with the catalog and were not registered, first: {}",
                    total.conflicts().size(), total.conflicts().get(0));
        }
        return total;
    }

    private RegistrationResult registerBatch(Connection c, List<CatalogedOutput> offered) throws SQLException {
        Instant now = clock.instant();
        long registered = 0;
        Map<String, RegistrationConflict> conflicts = conflictsWithinBatch(offered);
        List<CatalogedOutput> batch = conflicts.isEmpty() ? offered
                : offered.stream().filter(o -> !conflicts.containsKey(o.lfn())).toList();
        try (PreparedStatement s = c.prepareStatement(REGISTER)) {
            bind(s, c, batch, now);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    String lfn = rs.getString(2);
                    if (lfn == null) {
                        registered = rs.getLong(1);
                    } else {
                        conflicts.putIfAbsent(lfn, new RegistrationConflict(lfn, rs.getString(3), rs.getString(4)));
                    }
                }
            }
        }
        long conflicting = countRowsOf(offered, conflicts.keySet());
        return new RegistrationResult(registered, offered.size() - conflicting - registered,
                new ArrayList<>(conflicts.values()));
    }

    /** Names offered twice in one batch with two checksums: neither copy can be trusted. */
    private static Map<String, RegistrationConflict> conflictsWithinBatch(List<CatalogedOutput> batch) {
        Map<String, String> firstChecksum = new HashMap<>();
        Map<String, RegistrationConflict> conflicts = new LinkedHashMap<>();
        for (CatalogedOutput output : batch) {
            String first = firstChecksum.putIfAbsent(output.lfn(), output.md5());
            if (first != null && !first.equals(output.md5())) {
                conflicts.putIfAbsent(output.lfn(), new RegistrationConflict(output.lfn(), first, output.md5()));
            }
        }
        return conflicts;
    }

    private static void bind(PreparedStatement s, Connection c, List<CatalogedOutput> batch, Instant now)
            throws SQLException {
        s.setArray(1, SqlArrays.texts(c, batch.stream().map(CatalogedOutput::lfn).toList()));
        s.setArray(2, SqlArrays.texts(c, batch.stream().map(CatalogedOutput::storage).toList()));
        s.setArray(3, SqlArrays.texts(c, batch.stream().map(CatalogedOutput::path).toList()));
        s.setArray(4, SqlArrays.longs(c, batch.stream().map(CatalogedOutput::size).toList()));
        s.setArray(5, SqlArrays.texts(c, batch.stream().map(CatalogedOutput::md5).toList()));
        s.setArray(6, SqlArrays.ints(c, batch.stream().map(o -> o.file().run()).toList()));
        s.setArray(7, SqlArrays.ints(c, batch.stream().map(o -> o.file().segment()).toList()));
        s.setArray(8, SqlArrays.texts(c, batch.stream().map(o -> o.file().dataset()).toList()));
        s.setArray(9, SqlArrays.texts(c, batch.stream().map(o -> o.file().product()).toList()));
        s.setArray(10, SqlArrays.texts(c, batch.stream().map(o -> o.file().tag().toString()).toList()));
        s.setArray(11, SqlArrays.longs(c, batch.stream().map(CatalogedOutput::events).toList()));
        s.setArray(12, SqlArrays.longs(c, batch.stream().map(CatalogedOutput::firstEvent).toList()));
        s.setArray(13, SqlArrays.longs(c, batch.stream().map(CatalogedOutput::lastEvent).toList()));
        s.setString(14, now.toString());
    }

    private static long countRowsOf(List<CatalogedOutput> batch, Set<String> lfns) {
        if (lfns.isEmpty()) {
            return 0;
        }
        Set<String> names = new HashSet<>(lfns);
        return batch.stream().filter(o -> names.contains(o.lfn())).count();
    }
}
