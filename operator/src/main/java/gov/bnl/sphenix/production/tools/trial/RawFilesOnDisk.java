package gov.bnl.sphenix.production.tools.trial;

import gov.bnl.sphenix.production.spec.RunSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * The raw files of the runs a try uses, made real: the synthetic RawdataCatalog names paths on
 * SDCC's Lustre, which today's job scripts (and the stand-in {@code root.exe}) open. Their catalog
 * paths move under the try's own directory, where an empty file of each is created.
 */
final class RawFilesOnDisk {

    private static final String MOVE = """
            UPDATE files f SET full_file_path = ? || f.full_file_path
              FROM datasets d
             WHERE d.filename = f.lfn AND d.runnumber = ANY(?)
            RETURNING f.full_file_path""";

    private RawFilesOnDisk() {
    }

    /** @return how many files were made */
    static int make(DataSource rawdata, RunSet runs, Path under) throws SQLException, IOException {
        int made = 0;
        try (Connection c = rawdata.getConnection(); PreparedStatement s = c.prepareStatement(MOVE)) {
            Array numbers = c.createArrayOf("integer", runs.stream().boxed().toArray());
            s.setString(1, under.toAbsolutePath().normalize().toString());
            s.setArray(2, numbers);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    Path file = Path.of(rs.getString(1));
                    Files.createDirectories(file.getParent());
                    Files.write(file, new byte[0]);
                    made++;
                }
            }
            if (!c.getAutoCommit()) {
                c.commit();
            }
        }
        return made;
    }
}
