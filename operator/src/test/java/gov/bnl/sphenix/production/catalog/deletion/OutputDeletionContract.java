package gov.bnl.sphenix.production.catalog.deletion;

import static org.assertj.core.api.Assertions.assertThat;

import gov.bnl.sphenix.production.catalog.ledger.LedgerKey;
import gov.bnl.sphenix.production.job.JobKey;
import gov.bnl.sphenix.production.spec.OutputNamespace;
import gov.bnl.sphenix.production.catalog.registration.CatalogedOutput;
import gov.bnl.sphenix.production.catalog.registration.OutputRegistry;
import gov.bnl.sphenix.production.catalog.registration.OutputRegistryContract;
import gov.bnl.sphenix.production.spec.names.Tag;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What every {@link OutputDeletion} does: the outputs of the given keys go, files and catalog
 * rows, and nothing else; a second deletion finds nothing left to do.
 */
public abstract class OutputDeletionContract {

    protected abstract OutputDeletion deletion();

    /** Where the outputs are registered, so that there is something to delete. */
    protected abstract OutputRegistry registry();

    /** The directory the deletion may remove files under. */
    protected abstract Path root();

    private static LedgerKey key(int run, int segment) {
        return new LedgerKey(JobKey.of("deleting", run, segment),
                new OutputNamespace("DST_TRKR_CLUSTER", "run3auau", Tag.parse("ana468_2024p012_v001")));
    }

    private CatalogedOutput stored(int run, int segment) throws IOException {
        CatalogedOutput output = OutputRegistryContract.output(root(), run, segment, "m" + segment);
        Files.writeString(Path.of(output.path()), "dst");
        return output;
    }

    @Test
    void theOutputsOfTheGivenKeysGoFilesAndRowsAndNoOthers() throws Exception {
        CatalogedOutput gone = stored(950, 0);
        CatalogedOutput kept = stored(950, 1);
        registry().register(List.of(gone, kept));
        List<DeletionItem> removed = new ArrayList<>();

        DeletionReport report = deletion().delete(List.of(key(950, 0)), removed::add);

        assertThat(report.outputs()).isEqualTo(1);
        assertThat(report.failures()).isEmpty();
        assertThat(removed).extracting(DeletionItem::lfn).containsOnly(gone.lfn());
        assertThat(Path.of(gone.path())).doesNotExist();
        assertThat(Path.of(kept.path())).exists();
        assertThat(registry().checksums(List.of(gone.lfn(), kept.lfn()))).containsOnlyKeys(kept.lfn());
    }

    @Test
    void deletingAgainFindsNothingLeft() throws IOException, SQLException {
        registry().register(List.of(stored(951, 0)));
        deletion().delete(List.of(key(951, 0)), item -> { });

        assertThat(deletion().delete(List.of(key(951, 0)), item -> { }).outputs()).isZero();
    }
}
