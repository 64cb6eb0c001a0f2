package gov.bnl.sphenix.production.catalog.files;

import java.util.Objects;

/** Where one copy of a catalogued file is: the storage ({@code full_host_name}) and the path on it. */
public record FileLocation(String lfn, String host, String path) {

    public FileLocation {
        Objects.requireNonNull(lfn, "lfn");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(path, "path");
    }
}
