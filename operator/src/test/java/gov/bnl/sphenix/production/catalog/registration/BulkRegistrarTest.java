package gov.bnl.sphenix.production.catalog.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import gov.bnl.sphenix.production.catalog.connect.Catalogs;
import gov.bnl.sphenix.production.catalog.testing.TestPostgres;
import gov.bnl.sphenix.production.spec.names.OutputFile;
import gov.bnl.sphenix.production.spec.names.Tag;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Bulk registration into a real FileCatalog: batches, idempotency, conflicts. Each test owns its run numbers. */
class BulkRegistrarTest {

    private static final Tag TAG = Tag.parse("ana468_2024p012_v001");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-07-01T10:00:00Z"), ZoneOffset.UTC);

    private static Catalogs catalogs;
    private static BulkRegistrar registrar;

    @BeforeAll
    static void open() throws SQLException {
        catalogs = TestPostgres.freshCatalogs();
        registrar = new BulkRegistrar(catalogs.fileCatalog(), catalogs.retry(), CLOCK, 100);
    }

    @AfterAll
    static void close() {
        catalogs.close();
    }

    static CatalogedOutput output(int run, int segment, String md5) {
        OutputFile file = OutputFile.of("DST_TRKR_CLUSTER", "run3auau", TAG, run, segment);
        return new CatalogedOutput(file, "lustre", "/sphenix/lustre01/sphnxpro/run3auau/" + file.fileName(),
                2_000_000_000L, md5, 1_000, 1, 1_000);
    }

    static List<CatalogedOutput> outputs(int run, int count) {
        return IntStream.range(0, count).mapToObj(segment -> output(run, segment, md5(run, segment))).toList();
    }

    static String md5(int run, int segment) {
        return String.format("%016x%016x", run, segment);
    }

    private static long count(String sql, Object value) throws SQLException {
        try (Connection c = catalogs.fileCatalog().getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, value);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    @Test
    void registersFilesAndDatasetsInBatches() throws SQLException {
        RegistrationResult result = registrar.register(outputs(500, 250));

        assertThat(result).isEqualTo(new RegistrationResult(250, 0, List.of()));
        assertThat(count("SELECT count(*) FROM datasets WHERE runnumber = ?", 500)).isEqualTo(250);
        assertThat(count("SELECT count(*) FROM files WHERE lfn LIKE ?", "%-00000500-%")).isEqualTo(250);
    }

    @Test
    void theDatasetsRowDescribesTheOutput() throws SQLException {
        registrar.register(List.of(output(510, 7, md5(510, 7))));

        try (Connection c = catalogs.fileCatalog().getConnection();
             PreparedStatement s = c.prepareStatement(
                     "SELECT dsttype, dataset, tag, segment, events, status, size FROM datasets WHERE runnumber = ?")) {
            s.setInt(1, 510);
            try (ResultSet rs = s.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("DST_TRKR_CLUSTER");
                assertThat(rs.getString(2)).isEqualTo("run3auau");
                assertThat(rs.getString(3)).isEqualTo("ana468_2024p012_v001");
                assertThat(rs.getInt(4)).isEqualTo(7);
                assertThat(rs.getLong(5)).isEqualTo(1_000);
                assertThat(rs.getInt(6)).isEqualTo(1);
                assertThat(rs.getLong(7)).isEqualTo(2_000_000_000L);
            }
        }
    }

    @Test
    void registeringTheSameOutputsAgainChangesNothing() throws SQLException {
        registrar.register(outputs(520, 150));

        RegistrationResult again = registrar.register(outputs(520, 150));

        assertThat(again).isEqualTo(new RegistrationResult(0, 150, List.of()));
        assertThat(count("SELECT count(*) FROM datasets WHERE runnumber = ?", 520)).isEqualTo(150);
    }

    @Test
    void aBatchPartlyCataloguedAlreadyFallsBackAndRegistersEachNameOnce() throws SQLException {
        // a crash between registration and closing the job: some of the batch is in the catalog
        registrar.register(outputs(525, 40).subList(10, 13));

        RegistrationResult again = registrar.register(outputs(525, 40));

        assertThat(again).as("the first COPY is refused on a key, and the batch decided name by name")
                .isEqualTo(new RegistrationResult(37, 3, List.of()));
        assertThat(count("SELECT count(*) FROM datasets WHERE runnumber = ?", 525)).isEqualTo(40);
        assertThat(count("SELECT count(*) FROM files WHERE lfn LIKE ?", "%-00000525-%")).isEqualTo(40);
        assertThat(count("SELECT count(DISTINCT lfn) FROM files WHERE lfn LIKE ?", "%-00000525-%")).isEqualTo(40);
    }

    @Test
    void aFullSizeBatchWhoseFirstNamesAreCataloguedFallsBackAndRegistersTheRestOnce() throws SQLException {
        // 5,000 rows are several writes of the COPY stream: the server refuses the first rows while
        // the rest is still on its way; the driver reports the refusal when the COPY ends
        BulkRegistrar oneBatch = new BulkRegistrar(catalogs.fileCatalog(), catalogs.retry(), CLOCK, 5_000);
        List<CatalogedOutput> offered = outputs(526, 5_000);
        oneBatch.register(offered.subList(0, 2));

        RegistrationResult again = oneBatch.register(offered);

        assertThat(again).isEqualTo(new RegistrationResult(4_998, 2, List.of()));
        assertThat(count("SELECT count(*) FROM datasets WHERE runnumber = ?", 526)).isEqualTo(5_000);
        assertThat(count("SELECT count(DISTINCT lfn) FROM files WHERE lfn LIKE ?", "%-00000526-%")).isEqualTo(5_000);
        assertThat(count("SELECT count(*) FROM files WHERE lfn LIKE ?", "%-00000526-%")).isEqualTo(5_000);
    }

    @Test
    void aDatasetsRowWithoutItsCopyIsKeptAndOnlyTheCopyIsAdded() throws SQLException {
        CatalogedOutput output = output(527, 0, md5(527, 0));
        registrar.register(List.of(output));
        try (Connection c = catalogs.fileCatalog().getConnection();
             PreparedStatement delete = c.prepareStatement("DELETE FROM files WHERE lfn = ?")) {
            delete.setString(1, output.lfn());
            delete.executeUpdate();
        }

        RegistrationResult again = registrar.register(List.of(output, output(527, 1, md5(527, 1))));

        assertThat(again.registered()).as("the missing copy and the new output").isEqualTo(2);
        assertThat(count("SELECT count(*) FROM files WHERE lfn LIKE ?", "%-00000527-%")).isEqualTo(2);
        assertThat(count("SELECT count(*) FROM datasets WHERE runnumber = ?", 527)).isEqualTo(2);
    }

    @Test
    void aDifferentChecksumUnderAKnownNameIsReportedAndNeverOverwritten() throws SQLException {
        registrar.register(outputs(530, 3));
        List<CatalogedOutput> offered = new ArrayList<>(outputs(530, 5));
        offered.set(1, output(530, 1, "ffffffffffffffffffffffffffffffff"));

        RegistrationResult result = registrar.register(offered);

        assertThat(result.registered()).as("segments 3 and 4 are new").isEqualTo(2);
        assertThat(result.unchanged()).isEqualTo(2);
        assertThat(result.conflicts()).containsExactly(new RegistrationConflict(
                output(530, 1, "").lfn(), md5(530, 1), "ffffffffffffffffffffffffffffffff"));
        assertThat(count("SELECT count(*) FROM files WHERE md5 = ?", md5(530, 1))).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM files WHERE md5 = ?", "ffffffffffffffffffffffffffffffff")).isZero();
    }

    @Test
    void oneNameWithTwoChecksumsInOneBatchIsAConflictAndNeitherIsRegistered() throws SQLException {
        RegistrationResult result = registrar.register(List.of(
                output(540, 0, md5(540, 0)), output(540, 0, "00000000000000000000000000000bad"), output(540, 1, md5(540, 1))));

        assertThat(result.registered()).isEqualTo(1);
        assertThat(result.conflicts()).extracting(RegistrationConflict::lfn).containsExactly(output(540, 0, "").lfn());
        assertThat(count("SELECT count(*) FROM datasets WHERE runnumber = ?", 540)).isEqualTo(1);
    }

    @Test
    void aSecondCopyOnOtherStorageIsRegisteredAsACopy() throws SQLException {
        CatalogedOutput onLustre = output(550, 0, md5(550, 0));
        CatalogedOutput onTape = new CatalogedOutput(onLustre.file(), "hpss", "/hpss/sphenix/" + onLustre.lfn(),
                onLustre.size(), onLustre.md5(), onLustre.events(), onLustre.firstEvent(), onLustre.lastEvent());
        registrar.register(List.of(onLustre));

        RegistrationResult result = registrar.register(List.of(onTape));

        assertThat(result.registered()).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM files WHERE lfn = ?", onLustre.lfn())).isEqualTo(2);
        assertThat(count("SELECT count(*) FROM datasets WHERE filename = ?", onLustre.lfn())).isEqualTo(1);
    }

    @Test
    void aFailedBatchLeavesNothingBehind() throws SQLException {
        List<CatalogedOutput> batch = new ArrayList<>(outputs(561, 5));
        // PostgreSQL refuses a NUL character in text: the last row breaks the whole batch
        batch.add(new CatalogedOutput(output(560, 0, "").file(), "lustre", "/bad\u0000path", 1, md5(560, 0), 1, 1, 1));

        assertThatThrownBy(() -> registrar.register(batch)).isInstanceOf(SQLException.class);
        assertThat(count("SELECT count(*) FROM datasets WHERE runnumber = ?", 561)).isZero();

        assertThat(registrar.register(outputs(561, 5)).registered()).as("the same connection pool works on").isEqualTo(5);
    }

    @Test
    void aCopySlippedInByAnotherWriterMeanwhileIsFoundOnTheSecondLook() throws Exception {
        CatalogedOutput output = output(570, 0, md5(570, 0));
        try (Connection other = catalogs.fileCatalog().getConnection()) {
            other.setAutoCommit(false);
            try (PreparedStatement insert = other.prepareStatement(
                    "INSERT INTO files (lfn, full_host_name, full_file_path, time, size, md5) VALUES (?, 'lustre', ?, now(), 1, ?)")) {
                insert.setString(1, output.lfn());
                insert.setString(2, output.path());
                insert.setString(3, output.md5());
                insert.executeUpdate();
            }
            // The registrar looks, sees nothing committed, and its COPY then waits on the other writer's key.
            CompletableFuture<RegistrationResult> registering = CompletableFuture.supplyAsync(() -> {
                try {
                    return registrar.register(List.of(output));
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            await().atMost(Duration.ofSeconds(20)).until(() -> count(
                    "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE ?", "COPY files%") == 1);
            other.commit();

            RegistrationResult result = registering.get(20, TimeUnit.SECONDS);

            assertThat(result).isEqualTo(new RegistrationResult(0, 1, List.of()));
        }
        assertThat(count("SELECT count(*) FROM files WHERE lfn = ?", output.lfn())).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM datasets WHERE filename = ?", output.lfn())).isEqualTo(1);
    }
}

