package gov.bnl.sphenix.production.catalog.registration;

import gov.bnl.sphenix.production.catalog.SqlArrays;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the FileCatalog already holds under a batch's names: the copies (storage and checksum) and
 * whether a {@code datasets} row exists. One statement; the names travel as one array.
 */
final class CatalogState {

    // One index probe per name into each table. The lateral aggregate cannot be turned into a join,
    // so the planner cannot trade the probes for a scan of the whole catalog — which it would do
    // for 5,000 names against 100k rows, once per batch. Every name comes back; unknown ones with
    // no copies and catalogued false (filtering here would evaluate the EXISTS a second time).
    private static final String KNOWN = """
            SELECT n.lfn, c.storages, c.checksums,
                   EXISTS (SELECT 1 FROM datasets d WHERE d.filename = n.lfn) AS catalogued
              FROM unnest(?::text[]) AS n(lfn)
             CROSS JOIN LATERAL (SELECT array_agg(f.full_host_name ORDER BY f.full_host_name) AS storages,
                                        array_agg(f.md5 ORDER BY f.full_host_name) AS checksums
                                   FROM files f
                                  WHERE f.lfn = n.lfn) c""";

    /** One copy the catalog knows. */
    record Copy(String storage, String md5) {
    }

    private final Map<String, List<Copy>> copies = new HashMap<>();
    private final Set<String> outputs = new HashSet<>();

    static CatalogState of(Connection c, Collection<String> lfns) throws SQLException {
        CatalogState state = new CatalogState();
        try (PreparedStatement s = c.prepareStatement(KNOWN)) {
            s.setArray(1, SqlArrays.texts(c, lfns));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    String lfn = rs.getString(1);
                    String[] storages = strings(rs.getArray(2));
                    String[] checksums = strings(rs.getArray(3));
                    for (int i = 0; i < storages.length; i++) {
                        state.copies.computeIfAbsent(lfn, k -> new ArrayList<>()).add(new Copy(storages[i], checksums[i]));
                    }
                    if (rs.getBoolean(4)) {
                        state.outputs.add(lfn);
                    }
                }
            }
        }
        return state;
    }
    private static String[] strings(java.sql.Array array) throws SQLException {
        return array == null ? new String[0] : (String[]) array.getArray();
    }

    /** The catalogued checksum of {@code lfn} when it differs from {@code md5}, else null. */
    String otherChecksum(String lfn, String md5) {
        for (Copy copy : copies.getOrDefault(lfn, List.of())) {
            if (!md5.equals(copy.md5())) {
                return copy.md5() == null ? "" : copy.md5();
            }
        }
        return null;
    }

    /** Every checksum catalogued for {@code lfn} (empty when it is not catalogued; "" for a copy without one). */
    Set<String> checksums(String lfn) {
        Set<String> md5s = new HashSet<>();
        copies.getOrDefault(lfn, List.of()).forEach(copy -> md5s.add(copy.md5() == null ? "" : copy.md5()));
        return md5s;
    }

    boolean hasCopy(String lfn, String storage) {
        return copies.getOrDefault(lfn, List.of()).stream().anyMatch(copy -> copy.storage().equals(storage));
    }

    boolean hasOutput(String lfn) {
        return outputs.contains(lfn);
    }
}
