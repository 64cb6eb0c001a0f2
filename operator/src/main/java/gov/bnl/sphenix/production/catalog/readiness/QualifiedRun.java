package gov.bnl.sphenix.production.catalog.readiness;

import java.util.Set;

/** A run that passed the run cuts, with the DAQ hosts that took part in it (of those asked about). */
record QualifiedRun(int run, Set<String> hosts) {

    QualifiedRun {
        hosts = Set.copyOf(hosts);
    }
}
