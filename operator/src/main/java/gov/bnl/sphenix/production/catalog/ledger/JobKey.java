package gov.bnl.sphenix.production.catalog.ledger;

import gov.bnl.sphenix.production.spec.Production;
import gov.bnl.sphenix.production.spec.names.OutputFile;
import gov.bnl.sphenix.production.spec.names.Tag;
import java.util.Objects;
import java.util.Optional;

/**
 * What a job is, and so what may exist only once: production, output namespace, run, segment and
 * leaf ({@code ""} for products without leaves — an empty string rather than NULL so the ledger's
 * unique constraint holds).
 */
public record JobKey(String production, String dsttype, String dataset, Tag tag, int run, int segment, String leaf) {

    public JobKey {
        Objects.requireNonNull(production, "production");
        Objects.requireNonNull(dsttype, "dsttype");
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(leaf, "leaf");
    }

    public static JobKey of(Production production, int run, int segment, String leaf) {
        return new JobKey(production.name(), production.dsttype(), production.rule().params().dataset(),
                production.rule().params().tag(), run, segment, leaf);
    }

    /** The output this job writes. */
    public OutputFile output() {
        return new OutputFile(dsttype, leaf.isEmpty() ? Optional.empty() : Optional.of(leaf), dataset, tag, run, segment);
    }

    @Override
    public String toString() {
        return production + ":" + output().stem();
    }
}
