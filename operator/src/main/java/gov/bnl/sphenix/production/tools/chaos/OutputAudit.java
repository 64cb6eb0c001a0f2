package gov.bnl.sphenix.production.tools.chaos;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.sql.DataSource;

/**
 * The final tree of DSTs against the FileCatalog: every DST on disk is catalogued exactly once,
 * and every catalogued file is on disk. Histograms are not catalogued, so they are not audited.
 */
final class OutputAudit {

    private static final String FILES = "SELECT lfn, full_file_path FROM files";

    private final DataSource fileCatalog;
    private final Path dstRoot;

    OutputAudit(DataSource fileCatalog, Path dstRoot) {
        this.fileCatalog = fileCatalog;
        this.dstRoot = dstRoot.toAbsolutePath().normalize();
    }

    /** What was found: files catalogued twice, and outputs lost (missing on disk, or missing from the catalog). */
    Result audit() throws SQLException {
        Map<Path, List<String>> rowsByPath = new HashMap<>();
        try (Connection c = fileCatalog.getConnection();
             PreparedStatement s = c.prepareStatement(FILES);
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                rowsByPath.computeIfAbsent(Path.of(rs.getString(2)).toAbsolutePath().normalize(), p -> new ArrayList<>())
                        .add(rs.getString(1));
            }
        }
        List<String> twice = new ArrayList<>();
        List<String> lost = new ArrayList<>();
        rowsByPath.forEach((path, lfns) -> {
            if (lfns.size() > 1) {
                twice.add(path + " is catalogued " + lfns.size() + " times (" + String.join(", ", lfns) + ")");
            }
            if (!Files.isRegularFile(path)) {
                lost.add("FileCatalog row " + lfns.get(0) + " points at " + path + ", which is not there");
            }
        });
        for (Path file : onDisk()) {
            if (!rowsByPath.containsKey(file)) {
                lost.add(file + " is in the final tree but not in the FileCatalog");
            }
        }
        return new Result(twice, lost);
    }

    private List<Path> onDisk() {
        if (!Files.isDirectory(dstRoot)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(dstRoot)) {
            return walk.filter(Files::isRegularFile).map(p -> p.toAbsolutePath().normalize()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the final tree " + dstRoot, e);
        }
    }

    record Result(List<String> cataloguedTwice, List<String> lost) {
    }
}
