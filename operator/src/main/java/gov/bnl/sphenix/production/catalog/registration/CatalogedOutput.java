package gov.bnl.sphenix.production.catalog.registration;

import gov.bnl.sphenix.production.spec.names.OutputFile;
import java.util.Objects;

/**
 * A finished job's output as it goes into the FileCatalog: what it is (the parsed name), where it
 * is, how big, its checksum and the events it holds.
 *
 * @param storage the catalog's {@code full_host_name}: which storage holds this copy ({@code lustre})
 */
public record CatalogedOutput(OutputFile file, String storage, String path, long size, String md5,
                              long events, long firstEvent, long lastEvent) {

    public CatalogedOutput {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(storage, "storage");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(md5, "md5");
        if (size < 0 || events < 0) {
            throw new IllegalArgumentException(file + ": size and events are not negative");
        }
    }

    public String lfn() {
        return file.fileName();
    }
}
