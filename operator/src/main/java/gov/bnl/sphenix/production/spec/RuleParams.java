package gov.bnl.sphenix.production.spec;

import gov.bnl.sphenix.production.spec.names.Tag;
import java.util.Objects;

/**
 * The {@code params} block of a rule: what is produced (dsttype), from which running period and
 * mode, under which dataset name, and the tag (build, CDB tag, version) that names the outputs.
 */
public record RuleParams(String dsttype, String period, String physicsmode, String dataset, Tag tag) {

    public RuleParams {
        Objects.requireNonNull(dsttype, "dsttype");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(physicsmode, "physicsmode");
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(tag, "tag");
    }
}
