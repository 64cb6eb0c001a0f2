package gov.bnl.sphenix.production.control.observe;

import static org.assertj.core.api.Assertions.assertThat;

import gov.bnl.sphenix.production.catalog.connect.Catalogs;
import gov.bnl.sphenix.production.catalog.registration.BulkRegistrar;
import gov.bnl.sphenix.production.catalog.registration.CatalogedOutput;
import gov.bnl.sphenix.production.catalog.registration.OutputRegistry;
import gov.bnl.sphenix.production.catalog.testing.TestPostgres;
import gov.bnl.sphenix.production.catalog.testing.TestProducts;
import gov.bnl.sphenix.production.plan.ExistingOutput;
import gov.bnl.sphenix.production.spec.Production;
import gov.bnl.sphenix.production.spec.RunSet;
import gov.bnl.sphenix.production.spec.Segments;
import gov.bnl.sphenix.production.spec.catalogue.ProductCatalogue;
import gov.bnl.sphenix.production.spec.names.OutputFile;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A production's outputs are remembered between passes: a pass reads again the runs this operator
 * registered in since the last, not the production's whole history, and sees the same outputs as a
 * whole read would. What others change is seen at the next whole read.
 */
class ProductionOutputsTest {

    private static final ProductCatalogue CATALOGUE = TestProducts.catalogue();
    private static final Production CLUSTERS = clusters(RunSet.range(100, 199));

    private Catalogs catalogs;
    private SettableClock clock;
    private ProductionOutputs outputs;
    private OutputRegistry registry;

    @BeforeEach
    void open() throws SQLException {
        catalogs = TestPostgres.freshCatalogs();
        clock = new SettableClock(Instant.parse("2026-12-01T10:00:00Z"));
        outputs = new ProductionOutputs(catalogs.fileCatalog(), catalogs.retry(), clock);
        registry = outputs.watching(new BulkRegistrar(catalogs.fileCatalog(), catalogs.retry(), clock, 100));
    }

    @AfterEach
    void close() {
        catalogs.close();
    }

    private static Production clusters(RunSet runs) {
        Production p = TestProducts.production(TestProducts.CLUSTER, "physics", runs, Segments.ALL, List.of());
        return new Production("clusters", p.file(), p.ruleSetFile(), p.rule(), p.runs(), p.order(), p.masks(),
                p.segments(), p.priority(), p.memory(), p.limits(), p.submit(), p.harvest(), p.onRemoval(), p.reruns());
    }

    private static List<CatalogedOutput> segments(int run, int count) {
        return IntStream.range(0, count).mapToObj(segment -> {
            OutputFile file = OutputFile.of(TestProducts.CLUSTER, TestProducts.DATASET, TestProducts.CLUSTER_TAG, run,
                    segment);
            return new CatalogedOutput(file, "lustre", "/sphenix/lustre01/" + file.fileName(), 1_000L,
                    String.format("%016x%016x", run, segment), 100, 1, 100);
        }).toList();
    }

    /** What a reader that remembers nothing finds. */
    private ProductionOutputs.Found wholeRead() throws SQLException {
        return new ProductionOutputs(catalogs.fileCatalog(), catalogs.retry(), clock).of(CLUSTERS, CATALOGUE);
    }

    private void sql(String statement, String filename) throws SQLException {
        try (Connection c = catalogs.fileCatalog().getConnection(); PreparedStatement s = c.prepareStatement(statement)) {
            s.setString(1, filename);
            s.executeUpdate();
        }
    }

    @Test
    void aPassReadsOnlyTheRunsRegisteredSinceTheLastAndFindsWhatAWholeReadFinds() throws SQLException {
        for (int run = 100; run < 140; run++) {
            registry.register(segments(run, 5));
        }
        ProductionOutputs.Found first = outputs.of(CLUSTERS, CATALOGUE);
        assertThat(first.outputs()).hasSize(200);
        assertThat(outputs.rowsRead()).as("the first read is whole").isEqualTo(200);

        assertThat(outputs.of(CLUSTERS, CATALOGUE)).isEqualTo(first);
        assertThat(outputs.rowsRead()).as("nothing registered since: nothing read").isEqualTo(200);

        registry.register(segments(150, 3));
        registry.register(segments(120, 7)); // two more segments of a run it had
        ProductionOutputs.Found after = outputs.of(CLUSTERS, CATALOGUE);

        assertThat(outputs.rowsRead()).as("only runs 120 and 150 are read again").isEqualTo(200 + 3 + 7);
        assertThat(after.outputs()).hasSize(205).extracting(ExistingOutput::key)
                .contains(gov.bnl.sphenix.production.job.JobKey.ofLeaf(CLUSTERS.name(), 150, 2, ""));
        assertThat(after.events()).isEqualTo(205 * 100);
        assertThat(after).isEqualTo(wholeRead());
    }

    @Test
    void whatOthersChangeIsSeenAtTheNextWholeRead() throws SQLException {
        registry.register(segments(110, 4));
        ProductionOutputs.Found before = outputs.of(CLUSTERS, CATALOGUE);
        assertThat(before.goodEvents()).containsEntry(110, java.util.Map.of(TestProducts.CLUSTER, 400L));

        // marked bad by hand, not through the operator
        sql("UPDATE datasets SET status = 0 WHERE filename = ?", segments(110, 1).get(0).file().fileName());
        clock.advance(ProductionOutputs.FULL_READ_EVERY.minusSeconds(1));
        assertThat(outputs.of(CLUSTERS, CATALOGUE)).as("remembered until the next whole read").isEqualTo(before);

        clock.advance(Duration.ofSeconds(1));
        ProductionOutputs.Found reread = outputs.of(CLUSTERS, CATALOGUE);
        assertThat(reread.goodEvents()).containsEntry(110, java.util.Map.of(TestProducts.CLUSTER, 300L));
        assertThat(reread).isEqualTo(wholeRead());
        assertThat(outputs.rowsRead()).isEqualTo(8);
    }

    @Test
    void aProductionReadForOtherRunsIsReadWhole() throws SQLException {
        registry.register(segments(110, 2));
        registry.register(segments(210, 2));
        assertThat(outputs.of(CLUSTERS, CATALOGUE).outputs()).hasSize(2);

        Production wider = clusters(RunSet.range(100, 299));
        assertThat(outputs.of(wider, CATALOGUE).outputs()).as("its run selection changed").hasSize(4);
        assertThat(outputs.rowsRead()).isEqualTo(2 + 4);
    }

    /** A clock the test moves. */
    private static final class SettableClock extends Clock {
        private Instant now;

        SettableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
