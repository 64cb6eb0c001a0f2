package gov.bnl.sphenix.production.tools.chaos;

import java.util.List;

/**
 * What an audit of a world found, each defect in words, by the kind the chaos run counts.
 *
 * @param duplicates  jobs of one key in the batch system at the same time, and outputs catalogued more than once
 * @param lostOutputs catalogued outputs that are not on disk, and outputs in the final tree that are not catalogued
 * @param orphans     live jobs of the audited productions that no ledger row owns
 * @param keysDesired the keys the catalogs say are ready: what the productions must end up having made
 * @param keysNotDone the desired keys without a finished, successful ledger row
 */
public record ChaosFindings(List<String> duplicates, List<String> lostOutputs, List<String> orphans,
                            int keysDesired, List<String> keysNotDone) {

    public ChaosFindings {
        duplicates = List.copyOf(duplicates);
        lostOutputs = List.copyOf(lostOutputs);
        orphans = List.copyOf(orphans);
        keysNotDone = List.copyOf(keysNotDone);
    }

    public int keysDone() {
        return keysDesired - keysNotDone.size();
    }

    /** No defect, and every desired key done. */
    public boolean clean() {
        return duplicates.isEmpty() && lostOutputs.isEmpty() && orphans.isEmpty() && keysNotDone.isEmpty();
    }

    /** Every defect and every key not done, one line each. */
    public List<String> problems() {
        return java.util.stream.Stream.of(duplicates.stream().map(p -> "duplicate: " + p),
                        lostOutputs.stream().map(p -> "lost output: " + p), orphans.stream().map(p -> "orphan: " + p),
                        keysNotDone.stream().map(p -> "not done: " + p))
                .flatMap(s -> s).toList();
    }
}
