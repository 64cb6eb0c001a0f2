package gov.bnl.sphenix.production.catalog.ledger.report;

import gov.bnl.sphenix.production.catalog.SqlArrays;
import gov.bnl.sphenix.production.catalog.Transactions;
import gov.bnl.sphenix.production.catalog.retry.Retry;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * The run type (physics, cosmics, calib...) of runs, from the DAQ's run table. The DAQ database
 * is another server than the ledger, so the two cannot be joined in SQL: the runs are looked up
 * here in one statement and handed to the ledger's query as a parameter table.
 */
public final class RunTypes {

    private static final String OF_RUNS = "SELECT runnumber, runtype FROM run WHERE runnumber = ANY (?)";

    private final DataSource daq;
    private final Retry retry;

    public RunTypes(DataSource daq, Retry retry) {
        this.daq = daq;
        this.retry = retry;
    }

    /** Run number to run type, for the runs the DAQ lists among {@code runs}. */
    public Map<Integer, String> of(Collection<Integer> runs) throws SQLException {
        if (runs.isEmpty()) {
            return Map.of();
        }
        return Transactions.run(daq, retry, "run types of " + runs.size() + " runs", c -> {
            Map<Integer, String> types = new TreeMap<>();
            try (PreparedStatement s = c.prepareStatement(OF_RUNS)) {
                s.setArray(1, SqlArrays.ints(c, runs));
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        types.put(rs.getInt(1), rs.getString(2));
                    }
                }
            }
            return types;
        });
    }
}
