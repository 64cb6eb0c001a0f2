package gov.bnl.sphenix.production.batch.condor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Small pieces of HTCondor's languages: argument quoting, string literals, terse ids. */
class SubmitLanguageTest {

    @Test
    void argumentsNeedQuotesOnlyWhenTheyHaveSpacesOrQuotes() {
        assertThat(SubmitArguments.quote(List.of("-cp", "/a/b.jar", "x=y")))
                .isEqualTo("-cp /a/b.jar x=y");
        assertThat(SubmitArguments.quote(List.of("two words", "it's", "", "\"q\"")))
                .isEqualTo("'two words' 'it''s' '' \"\"q\"\"");
    }

    @Test
    void classAdStringsEscapeQuotesAndBackslashes() {
        assertThat(ClassAds.string("a\"b\\c")).isEqualTo("\"a\\\"b\\\\c\"");
    }

    @Test
    void terseSubmitOutputGivesTheClusterAndProcRange() {
        TerseIds ids = TerseIds.parse("4.0 - 4.999\n");

        assertThat(ids).isEqualTo(new TerseIds(4, 0, 999));
        assertThat(ids.count()).isEqualTo(1000);
        assertThat(TerseIds.parse("17.0 - 17.0").count()).isEqualTo(1);
        assertThatThrownBy(() -> TerseIds.parse("ERROR: no queue statement")).hasMessageContaining("no id range");
    }
}
