package gov.bnl.sphenix.production.catalog.readiness;

import gov.bnl.sphenix.production.catalog.connect.Catalogs;
import gov.bnl.sphenix.production.catalog.retry.Retry;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Why the runs of a production stand where they do, one {@link RunVerdict} per run. The DAQ
 * database tells the blockers before the catalog (selection, masks, a run still going, the run
 * cuts); the runs left are decided by readiness's own evaluator on the same catalog rows, so a
 * run is "ready" here exactly when readiness gives it jobs, and only the others are diagnosed.
 *
 * <p>This is a separate scan from the one the engine plans with, which stays as lean as it was.
 * When the engine asks, it passes the runs that scan found ready: their catalog rows are not
 * read again, so a pass pays one DAQ statement over the run set plus the catalog rows of the
 * runs that wait, which are few once a production has caught up.
 */
public final class WaitingRuns {

    private static final String READY = "its inputs are in place";

    private final DataSource daq;
    private final DataSource rawdata;
    private final DataSource fileCatalog;
    private final Retry retry;
    private final int chunkRuns;

    public WaitingRuns(DataSource daq, DataSource rawdata, DataSource fileCatalog, Retry retry) {
        this(daq, rawdata, fileCatalog, retry, Readiness.CHUNK_RUNS);
    }

    WaitingRuns(DataSource daq, DataSource rawdata, DataSource fileCatalog, Retry retry, int chunkRuns) {
        this.daq = Objects.requireNonNull(daq, "daq");
        this.rawdata = Objects.requireNonNull(rawdata, "rawdata");
        this.fileCatalog = Objects.requireNonNull(fileCatalog, "fileCatalog");
        this.retry = Objects.requireNonNull(retry, "retry");
        this.chunkRuns = chunkRuns;
    }

    public static WaitingRuns of(Catalogs catalogs) {
        return new WaitingRuns(catalogs.daq(), catalogs.rawdata(), catalogs.fileCatalog(), catalogs.retry());
    }

    /**
     * Every run of the production's run set and runtype, in its run order. Runs in {@code knownReady}
     * (those readiness just gave jobs) are ready without reading their hosts or catalog rows again.
     */
    public List<RunVerdict> ofRunSet(ReasonRequest request, Set<Integer> knownReady) throws SQLException {
        if (request.readiness().runs().isEmpty()) {
            return List.of();
        }
        return explain(request, Optional.empty(), Set.copyOf(knownReady));
    }

    /** Every run of the production's run set and runtype, each decided from the catalog. */
    public List<RunVerdict> ofRunSet(ReasonRequest request) throws SQLException {
        return ofRunSet(request, Set.of());
    }

    /** The runs asked about, whatever their type, in the production's run order; unknown runs last. */
    public List<RunVerdict> ofRuns(ReasonRequest request, int... runs) throws SQLException {
        return explain(request, Optional.of(runs.clone()), Set.of());
    }

    private List<RunVerdict> explain(ReasonRequest request, Optional<int[]> asked, Set<Integer> knownReady)
            throws SQLException {
        return retry.call("reasons of " + request.readiness().dsttype(), () -> {
            boolean raw = request.readiness() instanceof RawRequest;
            try (Connection daqConnection = ReadinessScan.openReadOnly(daq);
                 Connection catalogConnection = ReadinessScan.openReadOnly(raw ? rawdata : fileCatalog)) {
                List<RunFacts> facts = asked.isPresent()
                        ? RunFactsQuery.ofRuns(daqConnection, request, asked.get())
                        : RunFactsQuery.ofRunSet(daqConnection, request, knownReady);
                Map<Integer, RunVerdict> verdicts = new LinkedHashMap<>();
                List<RunFacts> undecided = judge(request, facts, knownReady, verdicts);
                CatalogDecision<?> decision = decisionFor(request.readiness());
                for (int from = 0; from < undecided.size(); from += chunkRuns) {
                    List<RunFacts> chunk = undecided.subList(from, Math.min(undecided.size(), from + chunkRuns));
                    decision.decide(chunk, daqConnection, catalogConnection).forEach(v -> verdicts.put(v.run(), v));
                }
                asked.ifPresent(runs -> Arrays.stream(runs).distinct().filter(run -> !verdicts.containsKey(run))
                        .forEach(run -> verdicts.put(run, RunJudge.unknown(run))));
                catalogConnection.commit();
                daqConnection.commit();
                return List.copyOf(verdicts.values());
            }
        });
    }

    /**
     * Puts the verdict of every run the DAQ facts decide into {@code verdicts}, in order, and
     * returns the others, which the catalog decides; their place in the order is kept by a
     * {@code null} until then.
     */
    private static List<RunFacts> judge(ReasonRequest request, List<RunFacts> facts, Set<Integer> knownReady,
                                        Map<Integer, RunVerdict> verdicts) {
        List<RunFacts> undecided = new ArrayList<>();
        RunJudge judge = new RunJudge(request);
        for (RunFacts run : facts) {
            // a run readiness gave jobs passed every check the judge makes
            Optional<RunVerdict> blocked = knownReady.contains(run.run())
                    ? Optional.of(new RunVerdict(run.run(), WaitReason.READY, READY)) : judge.judge(run);
            verdicts.put(run.run(), blocked.orElse(null));
            if (blocked.isEmpty()) {
                undecided.add(run);
            }
        }
        return undecided;
    }

    private static CatalogDecision<?> decisionFor(ReadinessRequest request) {
        if (request instanceof RawRequest raw) {
            RawDiagnosis diagnosis = new RawDiagnosis(raw);
            return new CatalogDecision<>(new RawFiles(raw), new RawRunEvaluator(raw), diagnosis::diagnose,
                    diagnosis.hosts());
        }
        DerivedRequest derived = (DerivedRequest) request;
        DerivedDiagnosis diagnosis = new DerivedDiagnosis(derived);
        return new CatalogDecision<>(new ParentOutputs(derived), new DerivedRunEvaluator(derived),
                (run, rows, daq) -> diagnosis.diagnose(run, rows), Set.of());
    }

    /** Says why a run readiness gave no job waits, from its catalog rows and what the DAQ still holds. */
    @FunctionalInterface
    interface Diagnosis<T extends RunRow> {
        RunVerdict diagnose(RunFacts run, List<T> rows, FilesAtDaq daq);
    }

    /**
     * Decides a chunk of runs from the catalog as readiness does, and diagnoses those without jobs.
     *
     * @param daqHosts hosts whose files at the DAQ matter to the diagnosis (none for derived products)
     */
    private record CatalogDecision<T extends RunRow>(ChunkQuery<T> query, RunEvaluator<T> evaluator,
                                                     Diagnosis<T> diagnosis, Set<String> daqHosts) {

        List<RunVerdict> decide(List<RunFacts> chunk, Connection daq, Connection catalog) throws SQLException {
            int[] numbers = chunk.stream().mapToInt(RunFacts::run).toArray();
            List<RunVerdict> verdicts = new ArrayList<>();
            Map<RunFacts, List<T>> waiting = new LinkedHashMap<>();
            try (RowCursor<T> rows = query.open(catalog, numbers)) {
                for (RunFacts run : chunk) {
                    List<T> mine = rows.takeRun(run.run());
                    int jobs = evaluator.evaluate(run.qualified(), mine).size();
                    if (jobs > 0) {
                        verdicts.add(new RunVerdict(run.run(), WaitReason.READY, READY + ": " + jobs + (jobs == 1 ? " job" : " jobs")));
                    } else {
                        waiting.put(run, mine);
                    }
                }
            }
            FilesAtDaq atDaq = FilesAtDaq.of(daq, waiting.keySet().stream().map(RunFacts::run).toList(), daqHosts);
            waiting.forEach((run, mine) -> verdicts.add(diagnosis.diagnose(run, mine, atDaq)));
            return verdicts;
        }
    }
}
