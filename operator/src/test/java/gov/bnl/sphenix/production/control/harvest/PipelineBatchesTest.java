package gov.bnl.sphenix.production.control.harvest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PipelineBatchesTest {

    @Test
    void aFullSizeHarvestStartsAndEndsWithSmallBatchesAndCutsTheMiddleEvenly() {
        assertThat(sizes(2_000, 500)).containsExactly(62, 125, 250, 376, 375, 375, 250, 125, 62);
    }

    @Test
    void aLongHarvestKeepsFullBatchesInTheMiddle() {
        List<Integer> sizes = sizes(50_000, 500);

        assertThat(sizes.subList(0, 3)).containsExactly(62, 125, 250);
        assertThat(sizes.subList(sizes.size() - 3, sizes.size())).containsExactly(250, 125, 62);
        assertThat(sizes.subList(3, sizes.size() - 3)).hasSize(99).allSatisfy(size -> assertThat(size).isBetween(496, 497));
    }

    @Test
    void aSmallHarvestIsOneBatch() {
        assertThat(sizes(200, 500)).containsExactly(200);
        assertThat(sizes(1, 500)).containsExactly(1);
        assertThat(sizes(0, 500)).isEmpty();
    }

    @Test
    void everyJobIsInExactlyOneBatchInItsOrderAndNoBatchIsLargerThanAsked() {
        for (int largest : new int[] {1, 2, 3, 7, 64, 500}) {
            for (int jobs = 0; jobs <= 3_000; jobs += jobs < 100 ? 1 : 37) {
                List<Integer> items = IntStream.range(0, jobs).boxed().toList();
                List<List<Integer>> batches = PipelineBatches.of(items, largest);

                List<Integer> joined = new ArrayList<>();
                batches.forEach(joined::addAll);
                assertThat(joined).as("%d jobs, batches of at most %d", jobs, largest).isEqualTo(items);
                assertThat(batches).allSatisfy(batch -> assertThat(batch.size()).isBetween(1, largest));
                List<Integer> sizes = batches.stream().map(List::size).toList();
                int peak = sizes.indexOf(sizes.stream().max(Integer::compare).orElse(0));
                for (int i = 0; i + 1 < sizes.size(); i++) {
                    if (i < peak) {
                        assertThat(sizes.get(i)).as("rising to the middle: %s", sizes).isLessThanOrEqualTo(sizes.get(i + 1));
                    } else {
                        assertThat(sizes.get(i)).as("falling from the middle: %s", sizes)
                                .isGreaterThanOrEqualTo(sizes.get(i + 1));
                    }
                }
            }
        }
    }

    @Test
    void aBatchOfNoJobsIsRefused() {
        assertThatThrownBy(() -> PipelineBatches.of(List.of(1, 2), 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one job");
    }

    private static List<Integer> sizes(int jobs, int largest) {
        return PipelineBatches.of(IntStream.range(0, jobs).boxed().toList(), largest).stream().map(List::size).toList();
    }
}
