package gov.bnl.sphenix.production.control.observe;

import gov.bnl.sphenix.production.job.JobKey;
import gov.bnl.sphenix.production.plan.ExistingOutput;
import gov.bnl.sphenix.production.spec.JobContract;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Outputs of a downstream job that rolled over, counted under the job that wrote them. Today's
 * clustering script keyed at segment s writes segments 10s … 10s+9 ({@link JobContract#ROLLOVER_SEGMENTS});
 * without this, each of those would look like a job key of its own, made by nobody. An output is
 * moved only onto a key the ledger holds (the job that can have written it), never onto a guess,
 * and an output whose own key the ledger holds stays where it is.
 */
final class RolledOverOutputs {

    private RolledOverOutputs() {
    }

    static List<ExistingOutput> fold(List<ExistingOutput> outputs, Set<JobKey> recorded) {
        Map<JobKey, List<String>> byKey = new TreeMap<>();
        boolean moved = false;
        for (ExistingOutput output : outputs) {
            JobKey key = output.key();
            JobKey writer = JobKey.ofLeaf(key.production(), key.run(), key.segment() / JobContract.ROLLOVER_SEGMENTS,
                    key.leaf());
            if (!recorded.contains(key) && !writer.equals(key) && recorded.contains(writer)) {
                key = writer;
                moved = true;
            }
            byKey.computeIfAbsent(key, k -> new ArrayList<>()).addAll(output.files());
        }
        if (!moved) {
            return outputs;
        }
        List<ExistingOutput> folded = new ArrayList<>(byKey.size());
        byKey.forEach((key, files) -> folded.add(new ExistingOutput(key, files)));
        return folded;
    }
}
