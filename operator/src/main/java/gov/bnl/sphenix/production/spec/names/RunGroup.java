package gov.bnl.sphenix.production.spec.names;

/**
 * Directories group runs by hundreds so that no directory holds a whole dataset:
 * run 67962 lives in {@code run_00067900_00068000}.
 */
public record RunGroup(int first, int end) {

    public static final int SIZE = 100;

    public RunGroup {
        if (first < 0 || first % SIZE != 0 || end != first + SIZE) {
            throw new IllegalArgumentException("a run group spans [n*100, n*100+100), got " + first + ".." + end);
        }
    }

    public static RunGroup of(int run) {
        if (run < 0) {
            throw new IllegalArgumentException("run numbers are not negative: " + run);
        }
        int first = (run / SIZE) * SIZE;
        return new RunGroup(first, first + SIZE);
    }

    public static RunGroup parse(String directory) {
        if (directory == null || !directory.matches("run_[0-9]{8}_[0-9]{8}")) {
            throw new IllegalArgumentException("'" + directory + "' is not a run group directory like run_00067900_00068000");
        }
        return new RunGroup(Integer.parseInt(directory.substring(4, 12)), Integer.parseInt(directory.substring(13, 21)));
    }

    public boolean contains(int run) {
        return run >= first && run < end;
    }

    public String directoryName() {
        return String.format("run_%08d_%08d", first, end);
    }

    @Override
    public String toString() {
        return directoryName();
    }
}
