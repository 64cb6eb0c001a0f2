package gov.bnl.sphenix.production.catalog.ledger;

import gov.bnl.sphenix.production.spec.OutputNamespace;
import gov.bnl.sphenix.production.job.JobKey;
import gov.bnl.sphenix.production.job.LedgerState;
import gov.bnl.sphenix.production.spec.names.Tag;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.IntStream;

/**
 * A ledger as the ledger contracts see it: every port of one implementation over one store, and
 * a way to declare a production (rows belong to a declared production). Each contract test names
 * its own production, so tests share the store without seeing each other's rows.
 */
public interface LedgerWorld {

    Tag TAG = Tag.parse("ana468_2024p012_v001");

    LedgerView view();

    SubmissionSteps steps();

    JobMoves moves();

    LedgerUpkeep upkeep();

    /** Declares {@code name} so that rows may be written for it. */
    void declare(String name) throws SQLException;

    /** {@code count} new jobs of one run, segments 0..count-1, each reading {@code inputs}. */
    static List<NewJob> jobs(String production, int run, int count, List<String> inputs) {
        return IntStream.range(0, count).mapToObj(segment -> new NewJob(
                new LedgerKey(JobKey.ofLeaf(production, run, segment, "ebdc07_1"), new OutputNamespace("DST_STREAMING_EVENT", "run3auau", TAG)),
                0, 2048, "r1", "", inputs)).toList();
    }

    /** The batch system's ids of a submission: one cluster, procs in the order of the rows. */
    static List<JobTransitions.SubmittedRow> submitted(List<LedgerJob> taken, long cluster) {
        return IntStream.range(0, taken.size())
                .mapToObj(proc -> new JobTransitions.SubmittedRow(taken.get(proc).id(), cluster, proc)).toList();
    }

    /** Every row of a production, as the view hands them out. */
    default List<LedgerJob> rows(String production) throws SQLException {
        List<LedgerJob> rows = new ArrayList<>();
        view().jobs(production, EnumSet.allOf(LedgerState.class), rows::add);
        return rows;
    }

    /** {@code count} jobs of a fresh production taken, submitted and recorded as queued in {@code cluster}. */
    default List<LedgerJob> queued(String production, int count, long cluster) throws SQLException {
        declare(production);
        List<LedgerJob> taken = steps().takeForSubmission(jobs(production, 100, count, List.of("a.evt")), "t-" + production);
        steps().recordSubmitted("t-" + production, submitted(taken, cluster));
        return rows(production);
    }
}
