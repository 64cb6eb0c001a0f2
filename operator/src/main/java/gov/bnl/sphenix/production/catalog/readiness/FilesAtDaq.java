package gov.bnl.sphenix.production.catalog.readiness;

import gov.bnl.sphenix.production.catalog.SqlArrays;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * How many files each host of some runs wrote that are not at SDCC yet, from the DAQ's
 * {@code filelist}: what tells a stream still on its way from one whose host wrote nothing.
 * The DAQ lists files by host ({@code ebdc07}), not by stream ({@code ebdc07_1}).
 */
final class FilesAtDaq {

    private static final String NOT_TRANSFERRED = """
            SELECT f.runnumber, f.hostname, count(*) FILTER (WHERE NOT f.transferred_to_sdcc)
              FROM filelist f
             WHERE f.runnumber = ANY (?)
               AND f.hostname = ANY (?)
             GROUP BY f.runnumber, f.hostname
            """;

    private final Map<Integer, Map<String, Long>> notTransferred;

    private FilesAtDaq(Map<Integer, Map<String, Long>> notTransferred) {
        this.notTransferred = notTransferred;
    }

    static final FilesAtDaq NONE = new FilesAtDaq(Map.of());

    static FilesAtDaq of(Connection daq, Collection<Integer> runs, Collection<String> hosts) throws SQLException {
        if (runs.isEmpty() || hosts.isEmpty()) {
            return NONE;
        }
        Map<Integer, Map<String, Long>> counts = new HashMap<>();
        try (PreparedStatement statement = daq.prepareStatement(NOT_TRANSFERRED)) {
            statement.setArray(1, SqlArrays.ints(daq, runs));
            statement.setArray(2, SqlArrays.texts(daq, hosts));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    counts.computeIfAbsent(rows.getInt(1), r -> new HashMap<>()).put(rows.getString(2), rows.getLong(3));
                }
            }
        }
        return new FilesAtDaq(counts);
    }

    /** Files {@code host} wrote in {@code run} that SDCC has not got. */
    long notTransferred(int run, String host) {
        return notTransferred.getOrDefault(run, Map.of()).getOrDefault(host, 0L);
    }
}
