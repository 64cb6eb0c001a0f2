package gov.bnl.sphenix.production.catalog.registration;

import static org.assertj.core.api.Assertions.assertThat;

import gov.bnl.sphenix.production.spec.names.OutputFile;
import gov.bnl.sphenix.production.spec.names.Tag;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What every {@link OutputRegistry} does: registration is idempotent, a different checksum is a conflict. */
public abstract class OutputRegistryContract {

    static final Tag TAG = Tag.parse("ana468_2024p012_v001");

    protected abstract OutputRegistry registry();

    /** An output of {@code DST_TRKR_CLUSTER} in run3auau, stored under {@code root}. */
    public static CatalogedOutput output(Path root, int run, int segment, String md5) {
        OutputFile file = OutputFile.of("DST_TRKR_CLUSTER", "run3auau", TAG, run, segment);
        return new CatalogedOutput(file, "lustre", root.resolve(file.fileName()).toString(), 1_000L, md5, 100, 1, 100);
    }

    @Test
    void registeredOutputsAreCataloguedWithTheirChecksums() throws SQLException {
        CatalogedOutput a = output(Path.of("/data"), 900, 0, "aa");
        CatalogedOutput b = output(Path.of("/data"), 900, 1, "bb");

        assertThat(registry().register(List.of(a, b))).isEqualTo(new RegistrationResult(2, 0, List.of()));
        assertThat(registry().checksums(List.of(a.lfn(), b.lfn(), "never-registered.root")))
                .containsOnlyKeys(a.lfn(), b.lfn())
                .containsEntry(a.lfn(), Set.of("aa"));
    }

    @Test
    void registeringTheSameOutputAgainChangesNothing() throws SQLException {
        CatalogedOutput a = output(Path.of("/data"), 901, 0, "aa");
        registry().register(List.of(a));

        assertThat(registry().register(List.of(a))).isEqualTo(new RegistrationResult(0, 1, List.of()));
    }

    @Test
    void anOutputCataloguedWithAnotherChecksumIsAConflictAndNotRegistered() throws SQLException {
        registry().register(List.of(output(Path.of("/data"), 902, 0, "aa")));

        RegistrationResult again = registry().register(List.of(output(Path.of("/data"), 902, 0, "cc")));

        assertThat(again.registered()).isZero();
        assertThat(again.conflicts()).singleElement().satisfies(c -> {
            assertThat(c.catalogedMd5()).isEqualTo("aa");
            assertThat(c.offeredMd5()).isEqualTo("cc");
        });
        assertThat(registry().checksums(List.of(output(Path.of("/data"), 902, 0, "aa").lfn())).values())
                .containsExactly(Set.of("aa"));
    }
}
