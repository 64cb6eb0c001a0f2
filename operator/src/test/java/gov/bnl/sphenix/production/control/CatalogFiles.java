package gov.bnl.sphenix.production.control;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** Checks on the FileCatalog that end-to-end tests share. */
final class CatalogFiles {

    private CatalogFiles() {
    }

    /** Catalogued copies whose file is not where the catalog says. */
    static List<String> missingOnDisk(DataSource fileCatalog) throws SQLException {
        List<String> missing = new ArrayList<>();
        try (Connection c = fileCatalog.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT full_file_path FROM files")) {
            while (rs.next()) {
                if (!Files.exists(Path.of(rs.getString(1)))) {
                    missing.add(rs.getString(1));
                }
            }
        }
        return missing;
    }

    static long count(DataSource fileCatalog) throws SQLException {
        try (Connection c = fileCatalog.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM datasets")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
