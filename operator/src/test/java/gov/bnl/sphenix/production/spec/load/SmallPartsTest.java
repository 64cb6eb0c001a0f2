package gov.bnl.sphenix.production.spec.load;

import static org.assertj.core.api.Assertions.assertThat;

import gov.bnl.sphenix.production.spec.Diagnostic;
import gov.bnl.sphenix.production.spec.Diagnostics;
import gov.bnl.sphenix.production.spec.SourceLocation;
import gov.bnl.sphenix.production.spec.yaml.DidYouMean;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SmallPartsTest {

    private static final SourceLocation AT = new SourceLocation("f.yaml", 3, 4);

    @Test
    void braceRangesKeepTheirPadding() {
        Diagnostics out = new Diagnostics();
        BraceExpansion braces = new BraceExpansion(out);
        assertThat(braces.expand("ebdc{00..02}_{0..1}", AT))
                .containsExactly("ebdc00_0", "ebdc00_1", "ebdc01_0", "ebdc01_1", "ebdc02_0", "ebdc02_1");
        assertThat(braces.expand("intt{0..2}", AT)).containsExactly("intt0", "intt1", "intt2");
        assertThat(braces.expand("{gl1daq,seb00}", AT)).containsExactly("gl1daq", "seb00");
        assertThat(braces.expand("ebdc39", AT)).containsExactly("ebdc39");
        assertThat(out.sorted()).isEmpty();
        assertThat(braces.expand("x{5..1}", AT)).isEmpty();
        assertThat(out.sorted()).singleElement().hasToString("f.yaml:3:4: error: {5..1} counts downwards"
                + " — write ranges like {00..23} and lists like {0,1}");
    }

    @Test
    void oneFileExpandsToTenThousandNamesAtMostWithOneErrorBeyond() {
        Diagnostics out = new Diagnostics();
        BraceExpansion braces = new BraceExpansion(out);
        assertThat(braces.expand("x{0..4999}{0,1}", AT)).hasSize(10_000);
        assertThat(braces.expand("y", AT)).isEmpty();
        assertThat(braces.expand("z{0..9}", AT)).isEmpty();
        assertThat(out.sorted()).singleElement().hasToString("f.yaml:3:4: error: brace ranges in this file expand to"
                + " more than 10000 names; the rest are not expanded — write ranges like {00..23} and lists like {0,1},"
                + " fewer of them: one file may name at most 10000");

        Diagnostics other = new Diagnostics();
        assertThat(new BraceExpansion(other).expand("x{0..5000}{0..9}", AT)).isEmpty();
        assertThat(other.errorCount()).isEqualTo(1);
    }

    @Test
    void rangesBeyondAnIntAndPatternsOfManyGroupsAreErrorsNotExceptions() {
        Diagnostics out = new Diagnostics();
        BraceExpansion braces = new BraceExpansion(out);
        assertThat(braces.expand("TPC{0..99999999999}", AT)).isEmpty();
        assertThat(braces.expand("{,}".repeat(21), AT)).isEmpty();
        assertThat(braces.expand("{a,b}".repeat(5000), AT)).isEmpty();
        assertThat(out.sorted()).extracting(Diagnostic::message).containsExactly(
                "{0..99999999999} counts beyond 999999999",
                "'" + "{,}".repeat(21) + "' has more than 20 brace groups",
                "'" + "{a,b}".repeat(40) + "…' is too long to expand (25000 characters)");
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
        assertThat(Durations.parse("36500d")).contains(Duration.ofDays(36_500));
    }

    @Test
    void durationsTooLongForTheArithmeticAreNotDurations() {
        assertThat(Durations.parse("36501d")).isEmpty();
        assertThat(Durations.parse("999999999999999d")).isEmpty();
        assertThat(Durations.parse("99999999999999999999d")).isEmpty();
        assertThat(Durations.parse("999999999h")).isEmpty();
    }

    @Test
    void repositoryPathsNeverClimbAboveTheRoot() {
        assertThat(RepoPath.normalise("rules/./run3auau/../x.yaml")).contains("rules/x.yaml");
        assertThat(RepoPath.normalise("rules/../../x.yaml")).isEmpty();
        assertThat(RepoPath.nonGlobPrefix("rules/run3auau/calo_code/*.C")).isEqualTo("rules/run3auau/calo_code");
    }
}
