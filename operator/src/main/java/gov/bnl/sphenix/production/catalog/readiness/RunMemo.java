package gov.bnl.sphenix.production.catalog.readiness;

import java.util.List;
import java.util.Set;

/**
 * What a pass decided for one run and what it decided it from: the hosts the DAQ database listed,
 * the signature of the run's catalog rows, and the candidates still worth handing out.
 */
record RunMemo(Set<String> hosts, RunSignature signature, List<ReadyJob> candidates) {

    RunMemo {
        candidates = List.copyOf(candidates);
    }

    /** Candidates held, and one for the entry itself, so that runs without candidates count too. */
    long cost() {
        return 1L + candidates.size();
    }

    boolean decidedFrom(QualifiedRun run, RunSignature now) {
        return signature.equals(now) && hosts.equals(run.hosts());
    }
}
