package gov.bnl.sphenix.production.catalog.files;

import gov.bnl.sphenix.production.catalog.SqlArrays;
import gov.bnl.sphenix.production.catalog.retry.Retry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Looks up where files are, from a catalog's {@code files} table (the RawdataCatalog and the
 * FileCatalog share its shape). Readiness hands out logical names only; paths are fetched for
 * the few hundred candidates a pass actually submits, in one query.
 */
public final class FileLocations {

    private static final String LOCATE = """
            SELECT f.lfn, f.full_host_name, f.full_file_path
              FROM files f
             WHERE f.lfn = ANY (?)
             ORDER BY f.lfn, f.full_host_name
            """;

    private static final String SIZES = """
            SELECT f.lfn, coalesce(sum(f.size), 0)
              FROM files f
             WHERE f.lfn = ANY (?)
             GROUP BY f.lfn
            """;

    private final DataSource catalog;
    private final Retry retry;

    public FileLocations(DataSource catalog, Retry retry) {
        this.catalog = catalog;
        this.retry = retry;
    }

    /** Every known copy of each file; files the catalog does not know are absent from the map. */
    public Map<String, List<FileLocation>> locate(Collection<String> lfns) throws SQLException {
        return retry.call("locate " + lfns.size() + " files", () -> {
            Map<String, List<FileLocation>> found = new LinkedHashMap<>();
            try (Connection c = catalog.getConnection();
                 PreparedStatement s = c.prepareStatement(LOCATE)) {
                s.setArray(1, SqlArrays.texts(c, lfns));
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        FileLocation location = new FileLocation(rs.getString(1), rs.getString(2), rs.getString(3));
                        found.computeIfAbsent(location.lfn(), k -> new ArrayList<>()).add(location);
                    }
                }
            }
            return found;
        });
    }

    /**
     * The bytes each file takes, summed over its copies (what deleting it frees); files the catalog
     * does not know, or knows without a size, count 0.
     */
    public Map<String, Long> sizes(Collection<String> lfns) throws SQLException {
        return retry.call("sizes of " + lfns.size() + " files", () -> {
            Map<String, Long> sizes = new LinkedHashMap<>();
            try (Connection c = catalog.getConnection();
                 PreparedStatement s = c.prepareStatement(SIZES)) {
                s.setArray(1, SqlArrays.texts(c, lfns));
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        sizes.put(rs.getString(1), rs.getLong(2));
                    }
                }
            }
            return sizes;
        });
    }
}
