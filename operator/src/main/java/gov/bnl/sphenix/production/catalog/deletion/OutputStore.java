package gov.bnl.sphenix.production.catalog.deletion;

import gov.bnl.sphenix.production.catalog.files.FileLocation;
import java.io.IOException;

/**
 * The file systems outputs live on, as deletion needs them: remove one copy. A port, so that the
 * catalog code does not care whether the copy is on a local disk, Lustre, or behind a storage
 * service, and tests can use a temporary directory.
 */
public interface OutputStore {

    /** Removes the copy; {@code false} when it was already gone, which is not an error (deletion must be repeatable). */
    boolean remove(FileLocation copy) throws IOException;
}
