package gov.bnl.sphenix.production.batch.condor;

import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owners of job ads that reached us although every constraint names our owner (a hand-edited
 * constraint, a schedd that ignores one). Their jobs are dropped; each owner is reported once,
 * so a pass every few seconds does not bury the log.
 */
final class ForeignOwners {

    private static final Logger log = LoggerFactory.getLogger(ForeignOwners.class);

    private final Set<String> reported = ConcurrentHashMap.newKeySet();

    /** Logs the owners among {@code owners} not reported before; returns them. */
    Set<String> report(String tool, String ourOwner, Set<String> owners) {
        Set<String> fresh = new TreeSet<>();
        for (String owner : owners) {
            if (reported.add(owner)) {
                fresh.add(owner);
                log.warn("{} answered with jobs of {}, not of our {}: ignored (reported once per owner)", tool,
                        owner, ourOwner);
            }
        }
        return fresh;
    }
}
