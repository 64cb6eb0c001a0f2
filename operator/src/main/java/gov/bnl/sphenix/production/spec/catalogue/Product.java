package gov.bnl.sphenix.production.spec.catalogue;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One product of the catalogue: how its jobs are cut and what each job needs.
 *
 * <ul>
 *   <li>A <em>raw</em> product ({@link Source#RAW}) is built from DAQ files, one job per
 *       (run, segment, leaf): {@code leaves} are the hosts it makes outputs for, and
 *       {@code requiredHosts} are hosts whose files must be on disk but that get no job of
 *       their own (the trigger, {@code gl1daq}).</li>
 *   <li>A <em>derived</em> product is built from other products' outputs, one job per
 *       (run, segment); each {@link Input} names an upstream dsttype and whether every leaf of it
 *       must be present.</li>
 * </ul>
 *
 * @param anyLeafModes physics modes (such as {@code cosmics}) for which one leaf with files is
 *                     enough to call a run ready, instead of every leaf
 */
public record Product(String dsttype, Source source, List<String> leaves, List<String> requiredHosts,
                      List<Input> inputs, Set<String> anyLeafModes) {

    public enum Source { RAW, DERIVED }

    /** One upstream requirement of a derived product. */
    public record Input(String dsttype, boolean allLeaves) {
        public Input {
            Objects.requireNonNull(dsttype, "dsttype");
        }
    }

    public Product {
        Objects.requireNonNull(dsttype, "dsttype");
        Objects.requireNonNull(source, "source");
        leaves = List.copyOf(leaves);
        requiredHosts = List.copyOf(requiredHosts);
        inputs = List.copyOf(inputs);
        anyLeafModes = Set.copyOf(anyLeafModes);
    }

    public boolean perLeaf() {
        return !leaves.isEmpty();
    }

    public boolean isRaw() {
        return source == Source.RAW;
    }

    /** Does a run of this physics mode need only one leaf rather than all of them? */
    public boolean anyLeafSuffices(String physicsmode) {
        return anyLeafModes.contains(physicsmode);
    }
}
