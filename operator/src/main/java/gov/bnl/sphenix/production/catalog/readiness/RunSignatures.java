package gov.bnl.sphenix.production.catalog.readiness;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/** Reads the {@link RunSignature}s a chunk query's aggregate statement returns: run, rows, status sum, hash sum. */
final class RunSignatures {

    private RunSignatures() {
    }

    /** The signature of every run that has rows; runs without rows are absent (their signature is {@link RunSignature#EMPTY}). */
    static Map<Integer, RunSignature> read(PreparedStatement bound) throws SQLException {
        Map<Integer, RunSignature> signatures = new HashMap<>();
        try (ResultSet rows = bound.executeQuery()) {
            while (rows.next()) {
                signatures.put(rows.getInt(1), new RunSignature(rows.getLong(2), rows.getLong(3), rows.getLong(4)));
            }
        }
        return signatures;
    }
}
