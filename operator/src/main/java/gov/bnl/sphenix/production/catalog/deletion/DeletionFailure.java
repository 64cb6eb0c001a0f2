package gov.bnl.sphenix.production.catalog.deletion;

import gov.bnl.sphenix.production.catalog.files.FileLocation;

/** A copy that could not be removed; its catalog rows stay, so the catalog never claims less than the disk holds. */
public record DeletionFailure(FileLocation copy, String reason) {
}
