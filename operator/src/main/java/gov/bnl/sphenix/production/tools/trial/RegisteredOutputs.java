package gov.bnl.sphenix.production.tools.trial;

import gov.bnl.sphenix.production.spec.OutputNamespace;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * A production's outputs as the FileCatalog has them, in its dataset and tag: its DSTs are catalogued
 * under its dsttype ({@code DST_TRKR_CLUSTER}, or {@code DST_STREAMING_EVENT_ebdc07_1} per leaf);
 * its histogram files under {@code HIST_} and the product part of the name, with or without
 * {@code DST_}, possibly with {@code QA} and a leaf ({@code HIST_CALOFITTINGQA_seb05}).
 */
final class RegisteredOutputs {

    private static final String COUNT = """
            SELECT count(*) FILTER (WHERE dsttype = ? OR dsttype LIKE ? || '\\_%'),
                   count(*) FILTER (WHERE dsttype IN (?, ?, ?) OR dsttype LIKE ? || '\\_%' OR dsttype LIKE ? || '\\_%'
                                    OR dsttype LIKE ? || '\\_%')
              FROM datasets WHERE dataset = ? AND tag = ?""";

    record Counts(long dst, long hist) {
    }

    private RegisteredOutputs() {
    }

    static Counts of(DataSource fileCatalog, OutputNamespace namespace) throws SQLException {
        String dsttype = namespace.dsttype();
        String bare = dsttype.startsWith("DST_") ? dsttype.substring(4) : dsttype;
        String[] histograms = {"HIST_" + dsttype, "HIST_" + bare, "HIST_" + bare + "QA"};
        try (Connection c = fileCatalog.getConnection(); PreparedStatement s = c.prepareStatement(COUNT)) {
            int i = 1;
            s.setString(i++, dsttype);
            s.setString(i++, dsttype);
            for (String h : histograms) {
                s.setString(i++, h);
            }
            for (String h : histograms) {
                s.setString(i++, h);
            }
            s.setString(i++, namespace.dataset());
            s.setString(i, namespace.tag().toString());
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return new Counts(rs.getLong(1), rs.getLong(2));
            }
        }
    }
}
