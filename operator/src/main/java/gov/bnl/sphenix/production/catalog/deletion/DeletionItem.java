package gov.bnl.sphenix.production.catalog.deletion;

import gov.bnl.sphenix.production.catalog.files.FileLocation;
import java.util.Objects;
import java.util.Optional;

/** One output that goes (or, in a dry run, would go): its name and the copy, if the catalog knows one. */
public record DeletionItem(String lfn, Optional<FileLocation> copy) {

    public DeletionItem {
        Objects.requireNonNull(lfn, "lfn");
        Objects.requireNonNull(copy, "copy");
    }
}
