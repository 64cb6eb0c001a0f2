package gov.bnl.sphenix.production.control.act;

import gov.bnl.sphenix.production.catalog.files.FileLocation;
import gov.bnl.sphenix.production.catalog.files.FileLocations;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Turns the logical names readiness hands out into the paths a job reads, with one catalog query
 * per submission. A copy on disk is preferred over one on tape; a name the catalog cannot place
 * stays a bare name, and the job's payload reports it.
 */
final class InputPaths {

    private static final List<String> PREFERRED_STORAGE = List.of("lustre", "gpfs");

    private final FileLocations raw;
    private final FileLocations derived;

    InputPaths(FileLocations raw, FileLocations derived) {
        this.raw = raw;
        this.derived = derived;
    }

    Map<String, List<FileLocation>> locate(Collection<String> lfns, boolean fromRaw) throws SQLException {
        return (fromRaw ? raw : derived).locate(new LinkedHashSet<>(lfns));
    }

    static List<String> paths(List<String> lfns, Map<String, List<FileLocation>> located) {
        List<String> paths = new ArrayList<>(lfns.size());
        for (String lfn : lfns) {
            List<FileLocation> copies = located.getOrDefault(lfn, List.of());
            paths.add(copies.stream()
                    .min((a, b) -> Integer.compare(rank(a.host()), rank(b.host())))
                    .map(FileLocation::path)
                    .orElse(lfn));
        }
        return paths;
    }

    private static int rank(String storage) {
        int i = PREFERRED_STORAGE.indexOf(storage);
        return i < 0 ? PREFERRED_STORAGE.size() : i;
    }
}
