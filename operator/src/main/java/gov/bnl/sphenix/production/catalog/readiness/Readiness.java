package gov.bnl.sphenix.production.catalog.readiness;

import gov.bnl.sphenix.production.catalog.connect.Catalogs;
import gov.bnl.sphenix.production.catalog.retry.Retry;
import gov.bnl.sphenix.production.spec.RunSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the jobs whose inputs are ready, for one production at a time. Raw products are decided
 * from the DAQ database and the RawdataCatalog, derived products from the DAQ database and the
 * FileCatalog. Transient database failures are retried from the first run not yet finished.
 */
public final class Readiness implements ReadyJobs {

    private static final Logger LOG = LoggerFactory.getLogger(Readiness.class);

    /** Runs per catalog query: large enough to amortise a round trip, small enough to sort in memory. */
    static final int CHUNK_RUNS = 250;

    private final DataSource daq;
    private final DataSource rawdata;
    private final DataSource fileCatalog;
    private final Retry retry;
    private final int chunkRuns;
    private final WaitingRuns waiting;
    private final EventsAgainstDaq events;
    private final ReadinessMemory memory;

    public Readiness(DataSource daq, DataSource rawdata, DataSource fileCatalog, Retry retry) {
        this(daq, rawdata, fileCatalog, retry, CHUNK_RUNS);
    }

    Readiness(DataSource daq, DataSource rawdata, DataSource fileCatalog, Retry retry, int chunkRuns) {
        this(daq, rawdata, fileCatalog, retry, chunkRuns, null);
    }

    private Readiness(DataSource daq, DataSource rawdata, DataSource fileCatalog, Retry retry, int chunkRuns,
                      ReadinessMemory memory) {
        this.daq = Objects.requireNonNull(daq, "daq");
        this.rawdata = Objects.requireNonNull(rawdata, "rawdata");
        this.fileCatalog = Objects.requireNonNull(fileCatalog, "fileCatalog");
        this.retry = Objects.requireNonNull(retry, "retry");
        if (chunkRuns < 1) {
            throw new IllegalArgumentException("chunks need at least one run, got " + chunkRuns);
        }
        this.chunkRuns = chunkRuns;
        this.waiting = new WaitingRuns(daq, rawdata, fileCatalog, retry, chunkRuns);
        this.events = new EventsAgainstDaq(daq, fileCatalog, retry);
        this.memory = memory;
    }

    public static Readiness of(Catalogs catalogs) {
        return new Readiness(catalogs.daq(), catalogs.rawdata(), catalogs.fileCatalog(), catalogs.retry());
    }

    /**
     * The same readiness, remembering between passes what it decided: a pass then reads the
     * catalog rows only of the runs whose rows or hosts changed since (see {@link ReadinessMemory}).
     */
    public Readiness remembering(ReadinessMemory memory) {
        return new Readiness(daq, rawdata, fileCatalog, retry, chunkRuns, Objects.requireNonNull(memory, "memory"));
    }

    /** Hands every ready candidate of {@code request} to {@code sink}, in the production's run order. */
    public ReadinessSummary find(ReadinessRequest request, ReadyJobSink sink) throws SQLException {
        if (request.runs().isEmpty()) {
            return ReadinessSummary.NOTHING;
        }
        ReadinessScan<?> scan = scanFor(request);
        ScanProgress progress = new ScanProgress(request.order());
        long started = System.nanoTime();
        ReadinessSummary summary = retry.call("readiness of " + request.dsttype(), () -> {
            RunSet remaining = progress.remaining(request.runs());
            if (!remaining.isEmpty()) {
                scan.run(request.withRuns(remaining), sink, progress);
            }
            return progress.summary();
        });
        if (!summary.stoppedEarly()) {
            scan.forgetUnseen();
        }
        LOG.debug("readiness of {}: {} runs examined ({} remembered), {} ready, {} candidates in {} ms", request.dsttype(),
                summary.runsExamined(), summary.runsRemembered(), summary.runsReady(), summary.candidates(),
                (System.nanoTime() - started) / 1_000_000);
        return summary;
    }

    @Override
    public List<RunVerdict> reasons(ReasonRequest request, Set<Integer> knownReady) throws SQLException {
        long started = System.nanoTime();
        List<RunVerdict> verdicts = waiting.ofRunSet(request, knownReady);
        LOG.debug("reasons of {}: {} runs in {} ms", request.readiness().dsttype(), verdicts.size(),
                (System.nanoTime() - started) / 1_000_000);
        return verdicts;
    }

    private ReadinessScan<?> scanFor(ReadinessRequest request) {
        if (request instanceof RawRequest raw) {
            return new ReadinessScan<>(daq, rawdata, new RawFiles(raw), new RawRunEvaluator(raw), chunkRuns, memory, raw);
        }
        DerivedRequest derived = (DerivedRequest) request;
        return new ReadinessScan<>(daq, fileCatalog, new ParentOutputs(derived), new DerivedRunEvaluator(derived), chunkRuns,
                memory, derived);
    }

    @Override
    public Map<Integer, Long> eventsRecorded(Collection<Integer> runs) throws SQLException {
        long started = System.nanoTime();
        Map<Integer, Long> recorded = events.recorded(runs);
        LOG.debug("events recorded by the DAQ: {} runs in {} ms", recorded.size(), (System.nanoTime() - started) / 1_000_000);
        return recorded;
    }
}
