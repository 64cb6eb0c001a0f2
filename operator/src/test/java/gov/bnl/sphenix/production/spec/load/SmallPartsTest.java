package gov.bnl.sphenix.production.spec.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gov.bnl.sphenix.production.spec.yaml.DidYouMean;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SmallPartsTest {

    @Test
    void braceRangesKeepTheirPadding() {
        assertThat(BraceExpansion.expand("ebdc{00..02}_{0..1}"))
                .containsExactly("ebdc00_0", "ebdc00_1", "ebdc01_0", "ebdc01_1", "ebdc02_0", "ebdc02_1");
        assertThat(BraceExpansion.expand("intt{0..2}")).containsExactly("intt0", "intt1", "intt2");
        assertThat(BraceExpansion.expand("{gl1daq,seb00}")).containsExactly("gl1daq", "seb00");
        assertThat(BraceExpansion.expand("ebdc39")).containsExactly("ebdc39");
        assertThatThrownBy(() -> BraceExpansion.expand("x{5..1}")).hasMessageContaining("upwards");
        assertThatThrownBy(() -> BraceExpansion.expand("x{0..5000}{0..9}")).hasMessageContaining("more than");
    }

    @Test
    void didYouMeanFindsTyposPrefixesAndLongSharedPrefixes() {
        List<String> keys = List.of("request_memory", "request_cpus", "priority", "newest-first", "Full_TRKR_SEED_run3physics");
        assertThat(DidYouMean.nearest("request_memroy", keys)).contains("request_memory");
        assertThat(DidYouMean.nearest("priorty", keys)).contains("priority");
        assertThat(DidYouMean.nearest("newest", keys)).contains("newest-first");
        assertThat(DidYouMean.nearest("Full_TRKR_SEEDS", keys)).contains("Full_TRKR_SEED_run3physics");
        assertThat(DidYouMean.nearest("zzz", keys)).isEmpty();
    }

    @Test
    void durationsNeedAUnitUnlessZero() {
        assertThat(Durations.parse("24h")).contains(Duration.ofHours(24));
        assertThat(Durations.parse("90s")).contains(Duration.ofSeconds(90));
        assertThat(Durations.parse("7d")).contains(Duration.ofDays(7));
        assertThat(Durations.parse("0")).contains(Duration.ZERO);
        assertThat(Durations.parse("24")).isEmpty();
        assertThat(Durations.parse("tomorrow")).isEmpty();
    }

    @Test
    void repositoryPathsNeverClimbAboveTheRoot() {
        assertThat(RepoPath.normalise("rules/./run3auau/../x.yaml")).contains("rules/x.yaml");
        assertThat(RepoPath.normalise("rules/../../x.yaml")).isEmpty();
        assertThat(RepoPath.nonGlobPrefix("rules/run3auau/calo_code/*.C")).isEqualTo("rules/run3auau/calo_code");
    }
}
