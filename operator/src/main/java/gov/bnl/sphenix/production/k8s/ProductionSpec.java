package gov.bnl.sphenix.production.k8s;

import java.util.List;

/**
 * The resolved production as the source reconciler read it, with the revision and file it came
 * from. Resolved means overrides applied and run lists read: what the engine will do, readable
 * with {@code kubectl describe}. Absent lists read as empty, as they are written.
 */
public record ProductionSpec(String source, String revision, String file, String specHash, String dsttype,
                             String dataset, String tag, String ruleSet, String rule, String runs, String order,
                             String segments, List<String> masks, int priority, List<Integer> memoryMib, int maxQueued,
                             int maxSubmitPerCycle, boolean submit, boolean harvest, String onRemoval,
                             String gracePeriod, List<String> reruns) {

    public ProductionSpec {
        masks = masks == null ? List.of() : List.copyOf(masks);
        memoryMib = memoryMib == null ? List.of() : List.copyOf(memoryMib);
        reruns = reruns == null ? List.of() : List.copyOf(reruns);
    }
}
