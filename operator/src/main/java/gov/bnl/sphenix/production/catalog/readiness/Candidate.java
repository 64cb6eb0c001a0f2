package gov.bnl.sphenix.production.catalog.readiness;

import java.util.List;
import java.util.Objects;

/**
 * A job whose inputs are all in place: run, segment and leaf ({@code ""} for products without
 * leaves), with the logical file names it reads. Paths are looked up only for the candidates that
 * are actually submitted (see {@link gov.bnl.sphenix.production.catalog.files.FileLocations}).
 */
public record Candidate(int run, int segment, String leaf, List<String> inputs) {

    public Candidate {
        Objects.requireNonNull(leaf, "leaf");
        inputs = List.copyOf(inputs);
    }
}
