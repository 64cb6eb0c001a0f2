package gov.bnl.sphenix.production.spec.names;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** File names are built by hand for speed; they must be exactly what sphenixprod's format strings write. */
class OutputFileNameTest {

    @Test
    void namesAreWhatTheFormatStringsWrite() {
        Random random = new Random(20261203);
        for (int i = 0; i < 10_000; i++) {
            int run = i < 100 ? i : random.nextInt(100_000_000);
            int segment = i < 100 ? 99_999 - i : random.nextInt(100_000);
            int version = 1 + random.nextInt(999);
            Tag tag = Tag.of("ana530", "2025p008", version);
            OutputFile file = new OutputFile("DST_CALO", i % 2 == 0 ? Optional.empty() : Optional.of("seb07"), "run3auau",
                    tag, run, segment);

            assertThat(file.stem()).isEqualTo(String.format("%s_%s_%s-%08d-%05d", file.product(), "run3auau",
                    "ana530_2025p008_" + String.format("v%03d", version), run, segment));
        }
    }

    @Test
    void theFamiliarName() {
        OutputFile file = new OutputFile("DST_CALO", Optional.empty(), "run3auau", Tag.parse("ana530_2025p008_v001"),
                67962, 7);

        assertThat(file.fileName()).isEqualTo("DST_CALO_run3auau_ana530_2025p008_v001-00067962-00007.root");
    }
}
