package gov.bnl.sphenix.production.spec.names;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TagTest {

    @Test
    void aReleaseBuildDropsTheDotAndPadsTheVersion() {
        assertThat(Tag.of("ana.523", "2025p007", 1)).hasToString("ana523_2025p007_v001");
    }

    @Test
    void nightlyBuildsMayUseVersionZero() {
        assertThat(Tag.of("new", "nocdbtag", 0)).hasToString("new_nocdbtag_v000");
    }

    @Test
    void versionZeroIsReservedForNewBuilds() {
        assertThatThrownBy(() -> Tag.of("ana.523", "2025p007", 0))
                .hasMessageContaining("v000")
                .hasMessageContaining("reserved for 'new' builds");
    }

    @ParameterizedTest
    @CsvSource({"ana.523,2025p007,1", "new,nocdbtag,0", "pro.1,2024p012,12", "ana.468,newcdbtag,999"})
    void triplesRoundTrip(String build, String dbtag, int version) {
        Tag tag = Tag.of(build, dbtag, version);
        assertThat(Tag.parse(tag.toString())).isEqualTo(tag);
        assertThat(Tag.isTriplet(tag.toString())).isTrue();
    }

    @ParameterizedTest
    @CsvSource({"ana.523,2025_p007,1,dbtag", "ana 523,2025p007,1,build", "ana.523,2025p007,1000,version",
            "ana.523,2025P007,1,dbtag", "'',nocdbtag,1,build"})
    void badPartsAreRefusedWithTheirName(String build, String dbtag, int version, String part) {
        assertThat(Tag.problem(build, dbtag, version)).startsWith(part);
    }

    @Test
    void malformedTripletsAreNotTags() {
        assertThat(Tag.isTriplet("ana523-2025p007-v001")).isFalse();
        assertThat(Tag.isTriplet("ana523_2025p007_v1")).isFalse();
        assertThat(Tag.isTriplet("ana523_2025p007_v000")).as("v000 needs build new").isFalse();
        assertThatThrownBy(() -> Tag.parse("DST_CALO")).hasMessageContaining("not a tag triplet");
    }
}
