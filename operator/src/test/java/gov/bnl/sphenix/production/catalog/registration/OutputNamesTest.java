package gov.bnl.sphenix.production.catalog.registration;

import static org.assertj.core.api.Assertions.assertThat;

import gov.bnl.sphenix.production.spec.names.OutputFile;
import gov.bnl.sphenix.production.spec.names.Tag;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Registration's fast name rendering says exactly what the naming convention says. */
class OutputNamesTest {

    @Test
    void rendersEveryNameExactlyAsTheConventionDoes() {
        SplittableRandom random = new SplittableRandom(11);
        List<Tag> tags = List.of(Tag.parse("new_nocdbtag_v000"), Tag.parse("ana468_2024p012_v001"),
                Tag.parse("ana523_2025p007_v012"), Tag.of("ana.99", "newcdbtag", 999));
        List<String> dsttypes = List.of("DST_TRKR_CLUSTER", "DST_STREAMING_EVENT", "HIST_CALO");
        List<Optional<String>> leaves = List.of(Optional.empty(), Optional.of("ebdc07_1"), Optional.of("intt3"));
        OutputNames names = new OutputNames();
        for (int i = 0; i < 5_000; i++) {
            int run = random.nextInt(3) == 0 ? random.nextInt(100) : random.nextInt(99_999_999);
            int segment = random.nextInt(4) == 0 ? random.nextInt(10) : random.nextInt(99_999);
            OutputFile file = new OutputFile(dsttypes.get(random.nextInt(3)), leaves.get(random.nextInt(3)),
                    random.nextBoolean() ? "run3auau" : "run2pp", tags.get(random.nextInt(4)), run, segment);

            assertThat(names.fileName(file)).isEqualTo(file.fileName());
            assertThat(names.tag(file.tag())).isEqualTo(file.tag().toString());
        }
    }
}
