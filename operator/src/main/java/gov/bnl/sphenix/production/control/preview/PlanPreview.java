package gov.bnl.sphenix.production.control.preview;

import gov.bnl.sphenix.production.batch.BatchSystem;
import gov.bnl.sphenix.production.catalog.ledger.ProductionRecord;
import gov.bnl.sphenix.production.catalog.ledger.ProductionRegistry;
import gov.bnl.sphenix.production.catalog.ledger.ProductionState;
import gov.bnl.sphenix.production.catalog.readiness.ReadinessSummary;
import gov.bnl.sphenix.production.catalog.readiness.WaitingCounts;
import gov.bnl.sphenix.production.control.CatalogPorts;
import gov.bnl.sphenix.production.control.EngineSettings;
import gov.bnl.sphenix.production.control.observe.CatalogObservation;
import gov.bnl.sphenix.production.control.observe.QueueReading;
import gov.bnl.sphenix.production.job.JobKey;
import gov.bnl.sphenix.production.plan.Action;
import gov.bnl.sphenix.production.plan.BatchQueue;
import gov.bnl.sphenix.production.plan.DesiredState;
import gov.bnl.sphenix.production.plan.ExistingOutput;
import gov.bnl.sphenix.production.plan.Plan;
import gov.bnl.sphenix.production.plan.Planner;
import gov.bnl.sphenix.production.plan.ProductionSummary;
import gov.bnl.sphenix.production.plan.RemovedProduction;
import gov.bnl.sphenix.production.plan.SubmitCause;
import gov.bnl.sphenix.production.plan.Tally;
import gov.bnl.sphenix.production.source.StoredSpec;
import gov.bnl.sphenix.production.spec.Production;
import gov.bnl.sphenix.production.spec.catalogue.ProductCatalogue;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The next pass, planned but not carried out: the head revision's desired state (its productions,
 * the ones it removes, and the removals the ledger says are under way) planned by the same
 * {@link Planner} against the same observation the engine reads, and nothing written anywhere.
 * What {@code prodctl plan} prints is therefore what the next pass does, with two exceptions it
 * says out loud: the pass harvests finished jobs first (which can make downstream jobs ready), and
 * the engine's own back-offs (a submission that failed a moment ago) live in its memory only.
 */
public final class PlanPreview {

    private final CatalogPorts catalogs;
    private final BatchSystem batch;
    private final EngineSettings settings;
    private final Clock clock;

    public PlanPreview(CatalogPorts catalogs, BatchSystem batch, EngineSettings settings, Clock clock) {
        this.catalogs = catalogs;
        this.batch = batch;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * @param changes   the spec-level changes from the base to the head revision
     * @param catalogue the head revision's product catalogue
     * @param source    the name the specs source goes by in the ledger (whose removals are under way)
     * @return the changes with the removals under way added, and the counts; no counts when the
     *         batch queue could not be read (an unknown queue is not an empty one)
     */
    public Preview plan(String base, String head, List<SpecChange> changes, ProductCatalogue catalogue, String source)
            throws SQLException {
        // to the second: the removal time is quoted in kill reasons, and "removed at" means "when merged"
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        List<SpecChange> all = new ArrayList<>(changes);
        all.addAll(windingDown(changes, source));
        List<Production> declared = all.stream().filter(c -> c.after().isPresent()).map(c -> c.after().get()).toList();
        List<RemovedProduction> removed = new ArrayList<>();
        for (SpecChange c : all) {
            if (c.kind() == SpecChange.Kind.REMOVED) {
                removed.add(new RemovedProduction(c.spec(), now));
            } else if (c.kind() == SpecChange.Kind.WINDING_DOWN) {
                removed.add(new RemovedProduction(c.spec(), removedAt(c.production(), now)));
            }
        }
        List<Production> everyone = all.stream().map(SpecChange::spec).toList();
        BatchQueue queue = QueueReading.read(batch, everyone.stream().map(Production::name).toList(),
                settings.historyLimit(), catalogs.ledger(), now);
        if (!queue.readable()) {
            return new Preview(base, head, all, Optional.empty(),
                    Optional.of("the batch queue could not be read (an unknown queue is not an empty one)"),
                    Optional.empty());
        }
        CatalogObservation observed = new CatalogObservation(now, queue, everyone, catalogue, catalogs.readiness(),
                catalogs.ledger(), catalogs.outputs(), production -> Optional.empty());
        Plan plan = new Planner(settings.planner()).plan(new DesiredState(declared, removed), observed);
        List<ProductionPreview> previews = new ArrayList<>();
        for (SpecChange c : all) {
            previews.add(preview(c, plan, observed, now));
        }
        long liveNow = queue.jobs().stream().filter(j -> j.isLive()).count();
        return new Preview(base, head, all, Optional.of(new Preview.Counts(previews,
                settings.planner(), liveNow, plan.notes())), Optional.empty(), Optional.empty());
    }

    private ProductionPreview preview(SpecChange change, Plan plan, CatalogObservation observed, Instant now)
            throws SQLException {
        String name = change.production();
        List<Action> mine = plan.actions().stream().filter(a -> a.production().equals(name)).toList();
        Map<JobKey, List<String>> files = new HashMap<>();
        observed.outputs(name).forEach(o -> files.put(o.key(), o.files()));
        ProductionSummary summary = plan.summary().productions().get(name);
        return new ProductionPreview(change, runs(change.spec(), observed.readiness(name), summary),
                submissions(mine), mine.stream().filter(Action.Release.class::isInstance).count(), kills(mine),
                deletions(mine, files), summary == null ? 0 : summary.count(Tally.COMPLETED),
                afterGrace(change, files, now), observed.waiting(name).orElse(WaitingCounts.NONE));
    }

    private static ProductionPreview.Runs runs(Production spec, Optional<ReadinessSummary> readiness,
                                               ProductionSummary summary) {
        long live = summary == null ? 0
                : summary.count(Tally.QUEUED) + summary.count(Tally.RUNNING) + summary.count(Tally.HELD);
        return new ProductionPreview.Runs(spec.runs().size(), readiness.map(ReadinessSummary::runsExamined).orElse(-1L),
                readiness.map(ReadinessSummary::runsReady).orElse(-1L),
                summary == null ? 0 : summary.count(Tally.READY), summary == null ? 0 : summary.count(Tally.SUCCEEDED),
                live);
    }

    private static ProductionPreview.Submissions submissions(List<Action> actions) {
        List<JobKey> keys = new ArrayList<>();
        Set<Integer> runs = new TreeSet<>();
        Map<Integer, Long> byMemory = new TreeMap<>();
        Map<SubmitCause, Long> byCause = new EnumMap<>(SubmitCause.class);
        for (Action a : actions) {
            if (a instanceof Action.Submit submit) {
                for (Action.JobSubmission job : submit.jobs()) {
                    keys.add(job.key());
                    runs.add(job.key().run());
                    byMemory.merge(submit.memoryMib(), 1L, Long::sum);
                    byCause.merge(job.cause(), 1L, Long::sum);
                }
            }
        }
        return new ProductionPreview.Submissions(keys, List.copyOf(runs), new TreeMap<>(byMemory), byCause);
    }

    private static List<ProductionPreview.Kill> kills(List<Action> actions) {
        return actions.stream().filter(Action.Kill.class::isInstance).map(Action.Kill.class::cast)
                .map(k -> new ProductionPreview.Kill(k.key(), k.job().toString(), k.reason())).toList();
    }

    private ProductionPreview.Deletions deletions(List<Action> actions, Map<JobKey, List<String>> files)
            throws SQLException {
        List<JobKey> keys = actions.stream().filter(Action.DeleteOutputs.class::isInstance)
                .map(Action.DeleteOutputs.class::cast).flatMap(d -> d.keys().stream()).toList();
        List<ProductionPreview.Blocked> blocked = actions.stream().filter(Action.BlockedDeletion.class::isInstance)
                .map(Action.BlockedDeletion.class::cast)
                .map(b -> new ProductionPreview.Blocked(b.key(), b.file(), b.neededBy())).toList();
        return measured(keys, files, blocked);
    }

    /** A removal that deletes outputs after a grace period: what it will delete then, as catalogued now. */
    private Optional<ProductionPreview.Deletions> afterGrace(SpecChange change, Map<JobKey, List<String>> files,
                                                             Instant now) throws SQLException {
        boolean removal = change.kind() == SpecChange.Kind.REMOVED || change.kind() == SpecChange.Kind.WINDING_DOWN;
        if (!removal || !change.spec().onRemoval().action().deletesOutputs()
                || change.spec().onRemoval().gracePeriod().isZero() || files.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(measured(List.copyOf(new TreeSet<>(files.keySet())), files, List.of()));
    }

    private ProductionPreview.Deletions measured(List<JobKey> keys, Map<JobKey, List<String>> files,
                                                 List<ProductionPreview.Blocked> blocked) throws SQLException {
        List<String> lfns = keys.stream().flatMap(k -> files.getOrDefault(k, List.of()).stream()).toList();
        long bytes = lfns.isEmpty() ? 0 : catalogs.fileLocations().sizes(lfns).values().stream()
                .mapToLong(Long::longValue).sum();
        return new ProductionPreview.Deletions(keys, lfns.size(), bytes, blocked);
    }

    /** Productions the ledger says this source is still removing, and the head does not declare again. */
    private List<SpecChange> windingDown(List<SpecChange> changes, String source) throws SQLException {
        ProductionRegistry registry = catalogs.productions();
        Set<String> named = new HashSet<>();
        changes.forEach(c -> named.add(c.production()));
        List<ProductionRecord> records = new ArrayList<>(registry.ofSource(source));
        records.addAll(registry.ofSource(ProductionRegistry.NO_SOURCE));
        List<SpecChange> out = new ArrayList<>();
        for (ProductionRecord record : records) {
            if (record.state() != ProductionState.REMOVING || named.contains(record.name())) {
                continue;
            }
            Map<String, byte[]> kept = registry.specFiles(record.name());
            if (!kept.isEmpty()) {
                new StoredSpec(kept).production(record.name()).ifPresent(p -> out.add(SpecChange.windingDown(p)));
            }
        }
        return out;
    }

    private Instant removedAt(String production, Instant otherwise) throws SQLException {
        return catalogs.productions().find(production)
                .map(r -> r.removedAt().orElse(r.updatedAt())).orElse(otherwise);
    }

}
