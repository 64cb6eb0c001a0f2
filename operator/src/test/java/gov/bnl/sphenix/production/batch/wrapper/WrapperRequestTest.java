package gov.bnl.sphenix.production.batch.wrapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gov.bnl.sphenix.production.batch.InputSlice;
import gov.bnl.sphenix.production.batch.JobOutput;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WrapperRequestTest {

    @Test
    void theCommandLineReadsBackToTheSameRequest() {
        WrapperRequest request = new WrapperRequest("calo/67962/4", "12.3", Path.of("/log/x.manifest.json"),
                Optional.of(InputSlice.parse("/log/inputs-x.bundle@120+64")), Optional.of(Path.of("/scratch/s")),
                List.of(new JobOutput("A.root", Path.of("/dst/A.root")), new JobOutput("B.root", Path.of("/hist/B.root"))),
                Path.of("/payloads/run_calo.sh"), List.of("10000", "--", "with space", "x=y"));

        List<String> args = request.toArguments();

        assertThat(args).startsWith("--job-key", "calo/67962/4", "--batch-id", "12.3");
        assertThat(WrapperRequest.parse(args)).isEqualTo(request);
    }

    @Test
    void anEmptyBatchIdIsLeftForTheBatchSystemToAdd() {
        WrapperRequest request = new WrapperRequest("k/1/2", "", Path.of("/m.json"), Optional.empty(), Optional.empty(),
                List.of(), Path.of("/s.sh"), List.of());

        assertThat(request.toArguments()).containsExactly("--job-key", "k/1/2", "--manifest", "/m.json", "--", "/s.sh");
    }

    @Test
    void inputSlicesPrintAndParse() {
        assertThat(InputSlice.parse("/a/b c/inputs.bundle@0+17")).isEqualTo(new InputSlice(Path.of("/a/b c/inputs.bundle"), 0, 17));
        assertThatThrownBy(() -> InputSlice.parse("/a/inputs.bundle")).hasMessageContaining("not an input slice");
    }

    @Test
    void mistakesAreExplained() {
        assertThatThrownBy(() -> WrapperRequest.parse(List.of("--job-key", "k", "--manifest", "/m")))
                .hasMessageContaining("payload script is missing");
        assertThatThrownBy(() -> WrapperRequest.parse(List.of("--output", "noequals", "--", "/s")))
                .hasMessageContaining("LFN=DESTINATION");
        assertThatThrownBy(() -> WrapperRequest.parse(List.of("--manifest", "/m", "--", "/s")))
                .hasMessageContaining("--job-key and --manifest are required");
    }
}
