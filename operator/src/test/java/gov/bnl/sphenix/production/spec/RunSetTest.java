package gov.bnl.sphenix.production.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.BitSet;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RunSetTest {

    @Test
    void rangesMergeWhenTheyTouchOrOverlap() {
        RunSet set = RunSet.of(java.util.List.of(new RunRange(10, 20), new RunRange(21, 25), new RunRange(15, 18),
                new RunRange(40, 40)));
        assertThat(set.ranges()).containsExactly(new RunRange(10, 25), new RunRange(40, 40));
        assertThat(set).hasToString("10-25,40");
        assertThat(set.size()).isEqualTo(17);
    }

    @Test
    void exclusionsCutHolesAndEnds() {
        RunSet set = RunSet.range(66456, 79999).minus(RunSet.runs(66500)).minus(RunSet.range(66600, 66610));
        assertThat(set.contains(66500)).isFalse();
        assertThat(set.contains(66605)).isFalse();
        assertThat(set.contains(66611)).isTrue();
        assertThat(set.ranges()).hasSize(3);
        assertThat(RunSet.range(1, 10).minus(RunSet.range(0, 100))).isEqualTo(RunSet.EMPTY);
    }

    /** Compares every operation with a plain bit set over random small sets. */
    @Test
    void operationsAgreeWithABitSetModel() {
        SplittableRandom random = new SplittableRandom(7);
        for (int round = 0; round < 500; round++) {
            BitSet a = new BitSet();
            BitSet b = new BitSet();
            RunSet sa = randomSet(random, a);
            RunSet sb = randomSet(random, b);
            BitSet union = (BitSet) a.clone();
            union.or(b);
            BitSet minus = (BitSet) a.clone();
            minus.andNot(b);
            BitSet and = (BitSet) a.clone();
            and.and(b);
            assertThat(bits(sa.union(sb))).isEqualTo(union);
            assertThat(bits(sa.minus(sb))).isEqualTo(minus);
            assertThat(bits(sa.intersect(sb))).isEqualTo(and);
            assertThat(sa.overlaps(sb)).isEqualTo(a.intersects(b));
            for (int run = 0; run < 130; run++) {
                assertThat(sa.contains(run)).isEqualTo(a.get(run));
            }
        }
    }

    private static RunSet randomSet(SplittableRandom random, BitSet model) {
        java.util.List<RunRange> ranges = new java.util.ArrayList<>();
        for (int i = random.nextInt(5); i > 0; i--) {
            int first = random.nextInt(120);
            int last = first + random.nextInt(10);
            ranges.add(new RunRange(first, last));
            model.set(first, last + 1);
        }
        return RunSet.of(ranges);
    }

    private static BitSet bits(RunSet set) {
        BitSet bits = new BitSet();
        set.stream().forEach(bits::set);
        return bits;
    }
}
