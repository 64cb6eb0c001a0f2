package gov.bnl.sphenix.production.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class MemoryTest {

    @ParameterizedTest
    @CsvSource({"2048M,2048", "2 GB,2048", "4GB,4096", "4096MB,4096", "3072MB,3072", "12228MB,12228",
            "3.5 GiB,3584", "4096,4096", "1 TB,1048576", "2gb,2048", "524288 KB,512"})
    void sizesAreNormalisedToMib(String text, int mib) {
        assertThat(MemorySize.parseMib(text)).isEqualTo(mib);
    }

    @ParameterizedTest
    @CsvSource({"4 gigs", "lots", "-2GB", "''", "2,5GB"})
    void nonSizesAreRefused(String text) {
        assertThatThrownBy(() -> MemorySize.parseMib(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aLostUnitIsCaught() {
        assertThatThrownBy(() -> MemorySize.parseMib("2")).hasMessageContaining("too little for any job");
    }

    @Test
    void theLadderClimbsToTheNextRungAboveTheHeldRequest() {
        MemoryLadder ladder = MemoryLadder.of(2048, 4096, 8192);
        assertThat(ladder.firstMib()).isEqualTo(2048);
        assertThat(ladder.nextAbove(2048)).contains(4096);
        assertThat(ladder.nextAbove(5000)).contains(8192);
        assertThat(ladder.nextAbove(8192)).isEmpty();
        assertThat(ladder.positionOf(4096)).isEqualTo(1);
        assertThat(ladder).hasToString("2 GB, 4 GB, 8 GB");
        assertThatThrownBy(() -> MemoryLadder.of(4096, 2048)).hasMessageContaining("increase");
    }
}
