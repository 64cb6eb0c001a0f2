package gov.bnl.sphenix.production.catalog.deletion;

import static org.assertj.core.api.Assertions.assertThat;

import gov.bnl.sphenix.production.catalog.connect.Catalogs;
import gov.bnl.sphenix.production.catalog.files.FileLocation;
import gov.bnl.sphenix.production.catalog.files.FileLocations;
import gov.bnl.sphenix.production.catalog.ledger.LedgerKey;
import gov.bnl.sphenix.production.catalog.registration.BulkRegistrar;
import gov.bnl.sphenix.production.catalog.registration.CatalogedOutput;
import gov.bnl.sphenix.production.catalog.testing.TestPostgres;
import gov.bnl.sphenix.production.job.JobKey;
import gov.bnl.sphenix.production.spec.OutputNamespace;
import gov.bnl.sphenix.production.spec.names.Tag;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Deleting jobs' outputs: files through the store, rows from the FileCatalog, in batches; dry run first. */
class CatalogDeletionTest {

    private static final Tag TAG = Tag.parse("ana468_2024p012_v001");

    private static Catalogs catalogs;
    private static BulkRegistrar registrar;
    private static FileLocations locations;

    @TempDir
    static Path outputs;

    @BeforeAll
    static void open() throws SQLException {
        catalogs = TestPostgres.freshCatalogs();
        registrar = new BulkRegistrar(catalogs.fileCatalog(), catalogs.retry(), Clock.systemUTC(), 50);
        locations = new FileLocations(catalogs.fileCatalog(), catalogs.retry());
    }

    @AfterAll
    static void close() {
        catalogs.close();
    }

    private static LedgerKey key(int run, int segment, String leaf) {
        return new LedgerKey(JobKey.ofLeaf("p", run, segment, leaf), new OutputNamespace("DST_STREAMING_EVENT", "run3auau", TAG));
    }

    /** Writes the output of each job to disk and registers it. */
    private static List<LedgerKey> produced(int run, int segments, String leaf) throws IOException, SQLException {
        List<LedgerKey> keys = IntStream.range(0, segments).mapToObj(segment -> key(run, segment, leaf)).toList();
        List<CatalogedOutput> registered = new ArrayList<>();
        for (LedgerKey key : keys) {
            Path file = outputs.resolve(key.output().fileName());
            Files.writeString(file, "events");
            registered.add(new CatalogedOutput(key.output(), "lustre", file.toString(), 6, "0123456789abcdef0123456789abcdef",
                    100, 1, 100));
        }
        registrar.register(registered);
        return keys;
    }

    private static CatalogDeletion deletion(int batch) {
        return new CatalogDeletion(catalogs.fileCatalog(), new LocalOutputStore(List.of(outputs)), catalogs.retry(), batch);
    }

    private static List<String> lfns(List<LedgerKey> keys) {
        return keys.stream().map(key -> key.output().fileName()).toList();
    }

    @Test
    void aDryRunListsWhatWouldGoAndTouchesNothing() throws Exception {
        List<LedgerKey> keys = produced(900, 3, "ebdc07_1");
        List<DeletionItem> listed = new ArrayList<>();

        DeletionReport report = deletion(2).dryRun(keys, listed::add);

        assertThat(report).isEqualTo(new DeletionReport(true, 3, 3, List.of()));
        assertThat(listed).extracting(DeletionItem::lfn).containsExactlyInAnyOrderElementsOf(lfns(keys));
        assertThat(listed).allSatisfy(item -> assertThat(Path.of(item.copy().orElseThrow().path())).exists());
        assertThat(locations.locate(lfns(keys))).hasSize(3);
    }

    @Test
    void deletionRemovesFilesAndRowsInBatchesAndLeavesOtherJobsAlone() throws Exception {
        List<LedgerKey> doomed = produced(910, 5, "intt3");
        List<LedgerKey> kept = produced(911, 2, "intt3");
        List<DeletionItem> removed = new ArrayList<>();

        DeletionReport report = deletion(2).delete(doomed, removed::add);

        assertThat(report).isEqualTo(new DeletionReport(false, 5, 5, List.of()));
        assertThat(removed).hasSize(5);
        assertThat(locations.locate(lfns(doomed))).isEmpty();
        doomed.forEach(key -> assertThat(outputs.resolve(key.output().fileName())).doesNotExist());
        assertThat(locations.locate(lfns(kept))).hasSize(2);
        kept.forEach(key -> assertThat(outputs.resolve(key.output().fileName())).exists());
    }

    @Test
    void deletingAgainOrAFileAlreadyGoneIsFine() throws Exception {
        List<LedgerKey> keys = produced(920, 2, "");
        Files.delete(outputs.resolve(keys.get(0).output().fileName()));

        DeletionReport first = deletion(10).delete(keys, item -> { });
        DeletionReport second = deletion(10).delete(keys, item -> { });

        assertThat(first.outputs()).isEqualTo(2);
        assertThat(second).isEqualTo(new DeletionReport(false, 0, 0, List.of()));
    }

    @Test
    void aCopyThatCannotBeRemovedKeepsItsRows() throws Exception {
        LedgerKey key = key(930, 0, "");
        registrar.register(List.of(new CatalogedOutput(key.output(), "lustre", "/elsewhere/" + key.output().fileName(),
                6, "0123456789abcdef0123456789abcdef", 100, 1, 100)));

        DeletionReport report = deletion(10).delete(List.of(key), item -> { });

        assertThat(report.outputs()).isZero();
        assertThat(report.failures()).singleElement().satisfies(failure -> {
            assertThat(failure.copy()).isEqualTo(new FileLocation(key.output().fileName(), "lustre",
                    "/elsewhere/" + key.output().fileName()));
            assertThat(failure.reason()).contains("outside the output roots");
        });
        assertThat(locations.locate(List.of(key.output().fileName()))).hasSize(1);
    }
}
