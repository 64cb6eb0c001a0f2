package gov.bnl.sphenix.production.catalog.readiness;

import java.util.List;
import java.util.Objects;

/**
 * A job whose inputs are all in place: run, segment and leaf ({@code ""} for products without
 * leaves), with the logical file names it reads. Paths are looked up only for the ready jobs that
 * are actually submitted (see {@link gov.bnl.sphenix.production.catalog.files.FileLocations}).
 */
public record ReadyJob(int run, int segment, String leaf, List<String> inputs) {

    public ReadyJob {
        Objects.requireNonNull(leaf, "leaf");
        // an InputList is immutable already; copying it would undo the sharing it exists for
        inputs = inputs instanceof InputList ? inputs : List.copyOf(inputs);
    }
}
