package gov.bnl.sphenix.production.control.act;

import gov.bnl.sphenix.production.job.JobKey;
import java.util.Set;

/**
 * Keys the executor must not submit this pass although the plan says so: the harvest could not set
 * an earlier attempt's staged files aside (a new attempt runs under the same dbid and would be
 * credited with them), or the harvest of their production stopped before it could. The next pass
 * tries again; nothing is lost by waiting.
 *
 * @param keys        single keys held back
 * @param productions productions whose every key is held back
 */
public record HeldBack(Set<JobKey> keys, Set<String> productions) {

    public static final HeldBack NONE = new HeldBack(Set.of(), Set.of());

    public HeldBack {
        keys = Set.copyOf(keys);
        productions = Set.copyOf(productions);
    }

    public boolean holds(JobKey key) {
        return productions.contains(key.production()) || keys.contains(key);
    }
}
