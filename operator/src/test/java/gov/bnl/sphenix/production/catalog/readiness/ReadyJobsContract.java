package gov.bnl.sphenix.production.catalog.readiness;

import static gov.bnl.sphenix.production.catalog.testing.TestProducts.STREAMING;
import static gov.bnl.sphenix.production.catalog.testing.TestProducts.STREAMING_LEAVES;
import static org.assertj.core.api.Assertions.assertThat;

import gov.bnl.sphenix.production.catalog.testing.TestProducts;
import gov.bnl.sphenix.production.spec.RunSet;
import gov.bnl.sphenix.production.spec.Segments;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ReadyJobs} does: one candidate per leaf of a run whose inputs are all there,
 * in the production's run order (newest first, the default); nothing for a run still missing a file; the sink may stop early.
 */
public abstract class ReadyJobsContract {

    static final String[] HOSTS = {"ebdc00", "ebdc01", "intt0", "gl1daq"};
    static final String[] STREAMS = {"ebdc00_0", "ebdc00_1", "ebdc01_0", "ebdc01_1", "intt0", "gl1daq"};

    protected abstract ReadyJobs readyJobs();

    /** A physics run that passes the cuts, with {@code hosts} taking part and one file of each of {@code streams} on disk. */
    protected abstract void run(int run, String[] hosts, String... streams) throws SQLException;

    private List<ReadyJob> find(RunSet runs, ReadyJobSink sink) throws SQLException {
        List<ReadyJob> found = new ArrayList<>();
        readyJobs().find(ReadinessRequests.forProduction(TestProducts.production(STREAMING, "physics", runs,
                Segments.FIRST_ONLY, List.of()), TestProducts.catalogue()), c -> {
            found.add(c);
            return sink.accept(c);
        });
        return found;
    }

    @Test
    void everyLeafOfACompleteRunIsReadyNewestRunFirst() throws SQLException {
        run(3001, HOSTS, STREAMS);
        run(3002, HOSTS, STREAMS);

        List<ReadyJob> found = find(RunSet.runs(3001, 3002), c -> true);

        assertThat(found).extracting(ReadyJob::run).containsExactlyElementsOf(
                List.of(3002, 3002, 3002, 3002, 3002, 3001, 3001, 3001, 3001, 3001));
        assertThat(found.subList(0, STREAMING_LEAVES.size())).extracting(ReadyJob::leaf)
                .containsExactlyElementsOf(STREAMING_LEAVES);
    }

    @Test
    void aRunMissingAFileOfAHostThatTookPartIsNotReady() throws SQLException {
        run(3010, HOSTS, "ebdc00_0", "ebdc00_1", "intt0", "gl1daq");

        assertThat(find(RunSet.runs(3010), c -> true)).isEmpty();
    }

    @Test
    void theSinkMayStopTheScan() throws SQLException {
        run(3020, HOSTS, STREAMS);
        run(3021, HOSTS, STREAMS);

        assertThat(find(RunSet.runs(3020, 3021), c -> false)).hasSize(1);
    }
}
