package gov.bnl.sphenix.production.tools.seed;

import java.util.Map;
import java.util.TreeMap;

/** What a synthetic catalog contains, counted while it was generated. */
public final class SeedSummary {

    private final Map<String, Integer> runsByType = new TreeMap<>();
    private int runs;
    private int firstRun = -1;
    private int lastRun = -1;
    private int shortRuns;
    private int lowEventRuns;
    private int runsMissingHosts;
    private int runsWithSilentHosts;
    private int runsStillGoing;
    private long hostRows;
    private long daqFiles;
    private long rawFiles;
    private long filesNotTransferred;
    private long filesWaiting;
    private long badFiles;

    void countRun(int run, String runtype, boolean isShort, boolean lowEvents, boolean stillGoing) {
        runs++;
        firstRun = firstRun < 0 ? run : Math.min(firstRun, run);
        lastRun = Math.max(lastRun, run);
        runsByType.merge(runtype, 1, Integer::sum);
        shortRuns += isShort ? 1 : 0;
        lowEventRuns += lowEvents ? 1 : 0;
        runsStillGoing += stillGoing ? 1 : 0;
    }

    void countMissingHosts() {
        runsMissingHosts++;
    }

    void countSilentHosts() {
        runsWithSilentHosts++;
    }

    void countHost() {
        hostRows++;
    }

    void countDaqFile(boolean transferred) {
        daqFiles++;
        filesNotTransferred += transferred ? 0 : 1;
    }

    void countRawFile(int status) {
        rawFiles++;
        filesWaiting += status == 0 ? 1 : 0;
        badFiles += status < 0 ? 1 : 0;
    }

    public int runs() {
        return runs;
    }

    /** The lowest run number generated. */
    public int firstRun() {
        return firstRun;
    }

    /** The highest run number generated; run numbers have gaps, as the DAQ's do. */
    public int lastRun() {
        return lastRun;
    }

    public Map<String, Integer> runsByType() {
        return Map.copyOf(runsByType);
    }

    public int shortRuns() {
        return shortRuns;
    }

    public int lowEventRuns() {
        return lowEventRuns;
    }

    public int runsMissingHosts() {
        return runsMissingHosts;
    }

    public int runsWithSilentHosts() {
        return runsWithSilentHosts;
    }

    public int runsStillGoing() {
        return runsStillGoing;
    }

    public long hostRows() {
        return hostRows;
    }

    public long daqFiles() {
        return daqFiles;
    }

    public long rawFiles() {
        return rawFiles;
    }

    public long filesNotTransferred() {
        return filesNotTransferred;
    }

    public long filesWaiting() {
        return filesWaiting;
    }

    public long badFiles() {
        return badFiles;
    }

    @Override
    public String toString() {
        return runs + " runs " + firstRun + "-" + lastRun + " " + runsByType + " (" + shortRuns + " short, " + lowEventRuns + " with few events, "
                + runsMissingHosts + " missing hosts, " + runsWithSilentHosts + " with a host that wrote nothing, "
                + runsStillGoing + " still going); " + hostRows + " hostinfo rows; " + daqFiles + " DAQ files ("
                + filesNotTransferred + " not yet transferred); " + rawFiles + " raw catalog files ("
                + filesWaiting + " not on disk yet, " + badFiles + " bad)";
    }
}
