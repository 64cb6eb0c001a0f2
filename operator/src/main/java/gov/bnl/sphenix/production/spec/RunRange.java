package gov.bnl.sphenix.production.spec;

/** Runs {@code first} to {@code last}, both included. */
public record RunRange(int first, int last) implements Comparable<RunRange> {

    public RunRange {
        if (first < 0 || last < first) {
            throw new IllegalArgumentException("a run range needs 0 <= first <= last, got " + first + ".." + last);
        }
    }

    public static RunRange single(int run) {
        return new RunRange(run, run);
    }

    public boolean contains(int run) {
        return run >= first && run <= last;
    }

    public long size() {
        return (long) last - first + 1;
    }

    @Override
    public int compareTo(RunRange other) {
        return first != other.first ? Integer.compare(first, other.first) : Integer.compare(last, other.last);
    }

    @Override
    public String toString() {
        return first == last ? Integer.toString(first) : first + "-" + last;
    }
}
