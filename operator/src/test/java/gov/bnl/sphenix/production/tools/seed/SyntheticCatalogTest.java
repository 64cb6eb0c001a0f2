package gov.bnl.sphenix.production.tools.seed;

import static org.assertj.core.api.Assertions.assertThat;

import gov.bnl.sphenix.production.catalog.connect.Catalogs;
import gov.bnl.sphenix.production.catalog.testing.TestPostgres;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** The synthetic catalog: reproducible from its seed, realistic in what readiness must cope with, loadable by COPY. */
class SyntheticCatalogTest {

    private static final Pattern RAW_NAME = Pattern.compile(
            "(TPC|TPOT|INTT|MVTX|GL1|SEB)_[a-z0-9]+(_[01])?_(physics|cosmics|calib|beam|line_laser)-[0-9]{8}-[0-9]{4}\\.evt");

    /** Digests every row and keeps what the assertions need. */
    private static final class Recorder implements CatalogRows {
        private final MessageDigest digest;
        private final Set<String> hosts = new HashSet<>();
        private final Set<String> badNames = new HashSet<>();
        private int filesOfGl1;

        Recorder() throws Exception {
            digest = MessageDigest.getInstance("SHA-256");
        }

        private void add(Object... values) {
            for (Object value : values) {
                digest.update(String.valueOf(value).getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
        }

        @Override
        public void run(int run, String runtype, long events, LocalDateTime begin, LocalDateTime end) {
            add("run", run, runtype, events, begin, end);
        }

        @Override
        public void host(int run, String hostname, int serverId) {
            add("host", run, hostname, serverId);
            hosts.add(hostname);
        }

        @Override
        public void daqFile(String filename, int run, String hostname, int sequence, long firstEvent, long lastEvent,
                            boolean transferred) {
            add("daq", filename, run, hostname, sequence, firstEvent, lastEvent, transferred);
            if (!RAW_NAME.matcher(filename).matches()) {
                badNames.add(filename);
            }
        }

        @Override
        public void rawFile(String filename, int run, int segment, String dataset, String daqhost, int status,
                            String storage, String path, long size, String md5, LocalDateTime time) {
            add("raw", filename, run, segment, dataset, daqhost, status, storage, path, size, md5, time);
            filesOfGl1 += daqhost.equals("gl1daq") ? 1 : 0;
        }

        String hex() {
            return HexFormat.of().formatHex(digest.digest());
        }
    }

    private static Recorder generate(long seed, int runs, long rawFiles) throws Exception {
        Recorder recorder = new Recorder();
        new SyntheticCatalog(SeedSpec.of(seed, runs, rawFiles)).generate(recorder);
        return recorder;
    }

    @Test
    void theSameSeedGivesTheSameCatalogAndAnotherSeedAnother() throws Exception {
        assertThat(generate(42, 300, 60_000).hex()).isEqualTo(generate(42, 300, 60_000).hex());
        assertThat(generate(43, 300, 60_000).hex()).isNotEqualTo(generate(42, 300, 60_000).hex());
    }

    @Test
    void theCatalogHoldsWhatReadinessMustCopeWith() throws Exception {
        Recorder recorder = new Recorder();
        SeedSummary summary = new SyntheticCatalog(SeedSpec.of(7, 1_000, 200_000)).generate(recorder);

        assertThat(summary.runsByType()).containsOnlyKeys("physics", "cosmics", "calib", "beam", "line_laser");
        assertThat(summary.runsByType().get("physics")).isGreaterThan(summary.runs() / 2);
        assertThat(summary.shortRuns()).as("runs the duration cut drops").isPositive();
        assertThat(summary.lowEventRuns()).as("runs the event cut drops").isPositive();
        assertThat(summary.runsStillGoing()).isEqualTo(1);
        assertThat(summary.runsMissingHosts()).isPositive();
        assertThat(summary.runsWithSilentHosts()).isPositive();
        assertThat(summary.filesNotTransferred()).as("transfer lag").isPositive();
        assertThat(summary.filesWaiting()).as("catalogued, not on disk").isPositive();
        assertThat(summary.badFiles()).isPositive();
        assertThat(summary.rawFiles()).isBetween(170_000L, 230_000L);
        assertThat(summary.daqFiles()).isEqualTo(summary.rawFiles() + summary.filesNotTransferred());
        assertThat(recorder.badNames).isEmpty();
        assertThat(recorder.hosts).contains("ebdc00", "ebdc23", "ebdc39", "intt7", "mvtx5", "gl1daq", "seb20");
        assertThat(recorder.filesOfGl1).isPositive();
    }

    @Test
    void seedingLoadsEveryRowAndReplaceStartsOver() throws Exception {
        try (Catalogs catalogs = TestPostgres.freshCatalogs()) {
            CatalogSeeder seeder = new CatalogSeeder(catalogs.daq(), catalogs.rawdata());
            seeder.seed(SeedSpec.of(1, 50, 10_000), false);

            SeedSummary again = seeder.seed(SeedSpec.of(2, 80, 15_000), true);

            assertThat(count(catalogs.daq(), "SELECT count(*) FROM run")).isEqualTo(80);
            assertThat(count(catalogs.daq(), "SELECT count(*) FROM hostinfo")).isEqualTo(again.hostRows());
            assertThat(count(catalogs.daq(), "SELECT count(*) FROM filelist")).isEqualTo(again.daqFiles());
            assertThat(count(catalogs.rawdata(), "SELECT count(*) FROM datasets")).isEqualTo(again.rawFiles());
            assertThat(count(catalogs.rawdata(), "SELECT count(*) FROM files")).isEqualTo(again.rawFiles());
            assertThat(count(catalogs.daq(), "SELECT count(*) FROM run WHERE ertimestamp IS NULL")).isEqualTo(1);
            assertThat(count(catalogs.rawdata(), "SELECT count(*) FROM datasets WHERE status = 0"))
                    .isEqualTo(again.filesWaiting());
        }
    }

    @Test
    void seedingOverAnExistingCatalogWithoutReplaceIsRefused() throws Exception {
        try (Catalogs catalogs = TestPostgres.freshCatalogs()) {
            CatalogSeeder seeder = new CatalogSeeder(catalogs.daq(), catalogs.rawdata());
            seeder.seed(SeedSpec.of(1, 10, 1_000), false);

            org.assertj.core.api.Assertions.assertThatThrownBy(() -> seeder.seed(SeedSpec.of(1, 10, 1_000), false))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("replace");
        }
    }

    private static long count(DataSource dataSource, String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql);
             ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
