package gov.bnl.sphenix.production.spec;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * An immutable set of run numbers kept as sorted, disjoint, non-adjacent ranges, so a selection
 * of "66456 to 90000 minus a few" costs a handful of objects, not 24k integers.
 */
public record RunSet(List<RunRange> ranges) {

    public static final RunSet EMPTY = new RunSet(List.of());

    public RunSet {
        ranges = normalise(ranges);
    }

    public static RunSet of(Collection<RunRange> ranges) {
        return new RunSet(List.copyOf(ranges));
    }

    public static RunSet range(int first, int last) {
        return new RunSet(List.of(new RunRange(first, last)));
    }

    public static RunSet runs(Collection<Integer> runs) {
        return new RunSet(runs.stream().map(RunRange::single).toList());
    }

    public static RunSet runs(int... runs) {
        return new RunSet(IntStream.of(runs).mapToObj(RunRange::single).toList());
    }

    private static List<RunRange> normalise(List<RunRange> input) {
        List<RunRange> sorted = new ArrayList<>(input);
        sorted.sort(null);
        List<RunRange> merged = new ArrayList<>();
        for (RunRange r : sorted) {
            if (!merged.isEmpty()) {
                RunRange last = merged.get(merged.size() - 1);
                if ((long) r.first() <= (long) last.last() + 1) {
                    merged.set(merged.size() - 1, new RunRange(last.first(), Math.max(last.last(), r.last())));
                    continue;
                }
            }
            merged.add(r);
        }
        return List.copyOf(merged);
    }

    public boolean isEmpty() {
        return ranges.isEmpty();
    }

    public long size() {
        return ranges.stream().mapToLong(RunRange::size).sum();
    }

    public boolean contains(int run) {
        int lo = 0;
        int hi = ranges.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            RunRange r = ranges.get(mid);
            if (run < r.first()) {
                hi = mid - 1;
            } else if (run > r.last()) {
                lo = mid + 1;
            } else {
                return true;
            }
        }
        return false;
    }

    public RunSet union(RunSet other) {
        List<RunRange> all = new ArrayList<>(ranges);
        all.addAll(other.ranges);
        return new RunSet(all);
    }

    public RunSet minus(RunSet other) {
        List<RunRange> result = new ArrayList<>();
        for (RunRange r : ranges) {
            long from = r.first();
            for (RunRange cut : other.ranges) {
                if (cut.last() < from) {
                    continue;
                }
                if (cut.first() > r.last()) {
                    break;
                }
                if (cut.first() > from) {
                    result.add(new RunRange((int) from, cut.first() - 1));
                }
                from = (long) cut.last() + 1;
                if (from > r.last()) {
                    break;
                }
            }
            if (from <= r.last()) {
                result.add(new RunRange((int) from, r.last()));
            }
        }
        return new RunSet(result);
    }

    public RunSet intersect(RunSet other) {
        return minus(minus(other));
    }

    public boolean overlaps(RunSet other) {
        return !intersect(other).isEmpty();
    }

    public Optional<Integer> first() {
        return ranges.isEmpty() ? Optional.empty() : Optional.of(ranges.get(0).first());
    }

    public Optional<Integer> last() {
        return ranges.isEmpty() ? Optional.empty() : Optional.of(ranges.get(ranges.size() - 1).last());
    }

    /** Every run, lowest first; for small sets and tests. */
    public IntStream stream() {
        return ranges.stream().flatMapToInt(r -> IntStream.rangeClosed(r.first(), r.last()));
    }

    @Override
    public String toString() {
        return ranges.isEmpty() ? "(no runs)" : String.join(",", ranges.stream().map(RunRange::toString).toList());
    }
}
