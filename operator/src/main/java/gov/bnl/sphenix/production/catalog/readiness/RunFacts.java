package gov.bnl.sphenix.production.catalog.readiness;

import java.util.OptionalLong;
import java.util.Set;

/**
 * What the DAQ database says of one run, cuts or not: its type, events, length ({@code empty}
 * while the run is still going) and the hosts of interest that took part.
 */
record RunFacts(int run, String runtype, long events, OptionalLong seconds, Set<String> hosts) {

    RunFacts {
        hosts = Set.copyOf(hosts);
    }

    boolean stillRunning() {
        return seconds.isEmpty();
    }

    QualifiedRun qualified() {
        return new QualifiedRun(run, hosts);
    }
}
