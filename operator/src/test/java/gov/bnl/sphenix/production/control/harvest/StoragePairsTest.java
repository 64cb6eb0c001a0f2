package gov.bnl.sphenix.production.control.harvest;

import static org.assertj.core.api.Assertions.assertThat;

import gov.bnl.sphenix.production.control.EngineSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The start-up check of each staging tree against its final tree. */
class StoragePairsTest {

    @TempDir
    Path dir;

    @Test
    void treesUnderOneRootMoveByRename() {
        EngineSettings settings = EngineSettings.under(dir.resolve("data"), dir.resolve("payloads"));

        assertThat(StoragePairs.check(settings)).hasSize(2).allSatisfy(finding -> {
            assertThat(finding.atomic()).isTrue();
            assertThat(finding.message()).contains("one file system", "atomic rename");
        });
    }

    @Test
    void aStagingTreeOnAnotherFileSystemIsReportedWithBothPaths() throws Exception {
        Path shm = Files.createTempDirectory(Path.of("/dev/shm"), "pairs-");
        try {
            Path target = Files.createDirectories(dir.resolve("final"));
            assertThat(Files.getFileStore(shm)).isNotEqualTo(Files.getFileStore(target));

            StoragePairs.Finding finding = StoragePairs.check(new StoragePairs.Pair("histogram", shm.resolve("hist"), target));

            assertThat(finding.atomic()).isFalse();
            assertThat(finding.message()).contains(shm.resolve("hist").toString(), target.toString(),
                    "different file systems", "copied, synced and renamed");
        } finally {
            Files.delete(shm);
        }
    }
}
