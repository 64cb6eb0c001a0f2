package gov.bnl.sphenix.production.spec;

import gov.bnl.sphenix.production.spec.names.Tag;
import java.util.Objects;

/**
 * What a production writes: (dsttype, dataset, tag). Two productions may never share one over
 * overlapping runs, or each would overwrite and delete the other's files.
 */
public record OutputNamespace(String dsttype, String dataset, Tag tag) {

    public OutputNamespace {
        Objects.requireNonNull(dsttype, "dsttype");
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(tag, "tag");
    }

    @Override
    public String toString() {
        return dsttype + " " + dataset + " " + tag;
    }
}
