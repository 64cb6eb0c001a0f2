package gov.bnl.sphenix.production.control;

import gov.bnl.sphenix.production.catalog.ledger.ProductionRecord;
import gov.bnl.sphenix.production.catalog.ledger.ProductionRegistry;
import gov.bnl.sphenix.production.catalog.ledger.ProductionState;
import gov.bnl.sphenix.production.control.events.EventLog;
import gov.bnl.sphenix.production.plan.DesiredState;
import gov.bnl.sphenix.production.plan.RemovedProduction;
import gov.bnl.sphenix.production.source.DesiredState.Applied;
import gov.bnl.sphenix.production.source.DesiredState.Outcome;
import gov.bnl.sphenix.production.source.FetchResult;
import gov.bnl.sphenix.production.source.GitSpecSource;
import gov.bnl.sphenix.production.source.ProductionChanges;
import gov.bnl.sphenix.production.source.Revision;
import gov.bnl.sphenix.production.spec.Diagnostic;
import gov.bnl.sphenix.production.spec.Production;
import gov.bnl.sphenix.production.spec.ValidationReport;
import gov.bnl.sphenix.production.spec.load.SpecLoader;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Follows the specs repository: fetches the branch, applies its head all-or-nothing, and keeps the
 * production registry in step — a production whose file is gone from the revision in force is
 * marked removing, with the commit that removed it. Comparing against the registry rather than
 * against the previous revision means a production removed while the engine was down is still
 * noticed after a restart.
 */
public final class SpecFollower implements AutoCloseable {

    private final GitSpecSource source;
    private final ProductionRegistry registry;
    private final Clock clock;
    private final gov.bnl.sphenix.production.source.DesiredState inForce = new gov.bnl.sphenix.production.source.DesiredState();
    /** Last specs of removed productions, by name and the revision that declared them: read from git once. */
    private final Map<String, Production> lastSpecs = new HashMap<>();
    private String lastLookedAt = "";
    private List<Diagnostic> lastRejected = List.of();

    public SpecFollower(GitSpecSource source, ProductionRegistry registry, Clock clock) {
        this.source = Objects.requireNonNull(source, "source");
        this.registry = Objects.requireNonNull(registry, "registry");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public String url() {
        return source.url();
    }

    public String branch() {
        return source.branch();
    }

    /** Fetches and, when the head is new, validates and applies it. Never loses the revision in force. */
    public SourceReport refresh(EventLog events) throws SQLException {
        FetchResult fetched = source.fetch();
        if (fetched instanceof FetchResult.Failed failed) {
            events.warning("", "fetch-failed", failed.reason() + "; the revision in force keeps running");
            return new SourceReport(Optional.empty(), Optional.of(failed.reason()), applied(), lastRejected,
                    ProductionChanges.between(List.of(), List.of()));
        }
        Revision head = ((FetchResult.Fetched) fetched).revision();
        ProductionChanges changes = ProductionChanges.between(List.of(), List.of());
        if (!head.commitId().equals(lastLookedAt)) {
            lastLookedAt = head.commitId();
            ValidationReport report = SpecLoader.load(source.treeAt(head));
            Outcome outcome = inForce.offer(head, report);
            if (outcome instanceof Outcome.NowInForce now) {
                lastRejected = List.of();
                changes = now.changes();
                apply(now.applied(), changes, events);
            } else if (outcome instanceof Outcome.KeptPrevious kept) {
                lastRejected = kept.rejected().errors();
                events.warning("", "rejected", "commit " + head.shortId() + " (" + head.subject() + ") has "
                        + lastRejected.size() + " error" + (lastRejected.size() == 1 ? "" : "s") + ", first: "
                        + lastRejected.get(0) + "; " + kept.inForce().map(a -> a.revision().shortId() + " stays in force")
                        .orElse("nothing is in force yet"));
            }
        }
        return new SourceReport(Optional.of(head), Optional.empty(), applied(), lastRejected, changes);
    }

    private Optional<Revision> applied() {
        return inForce.inForce().map(Applied::revision);
    }

    private void apply(Applied applied, ProductionChanges changes, EventLog events) throws SQLException {
        Revision revision = applied.revision();
        Instant now = clock.instant();
        Set<String> declared = new HashSet<>();
        for (Production p : applied.specs().productions()) {
            declared.add(p.name());
            registry.record(new ProductionRecord(p.name(), p.specHash(), revision.commitId(),
                    p.submit() ? ProductionState.ACTIVE : ProductionState.SUSPENDED, now));
        }
        events.info("", "applied", "applied " + revision.shortId() + " (" + revision.subject() + "): " + changes);
        for (ProductionRecord record : registry.all()) {
            boolean live = record.state() == ProductionState.ACTIVE || record.state() == ProductionState.SUSPENDED;
            if (live && !declared.contains(record.name()) && registry.markRemoving(record.name(), revision.commitId(), now)) {
                events.info(record.name(), "removed", "production removed in " + revision.shortId()
                        + " (" + revision.subject() + ")");
            }
        }
        changes.added().forEach(p -> events.info(p.name(), "declared", "production declared in " + revision.shortId()));
        changes.changed().forEach(c -> events.info(c.after().name(), "changed", "spec changed in " + revision.shortId()));
    }

    /** The desired state of the revision in force, with the removed productions still winding down. */
    public Optional<Desired> desired() throws SQLException {
        Optional<Applied> applied = inForce.inForce();
        if (applied.isEmpty()) {
            return Optional.empty();
        }
        List<RemovedProduction> removed = new ArrayList<>();
        Map<String, String> removedIn = new HashMap<>();
        for (ProductionRecord record : registry.all()) {
            if (record.state() != ProductionState.REMOVING) {
                continue;
            }
            Optional<Production> last = lastSpec(record);
            if (last.isPresent()) {
                removed.add(new RemovedProduction(last.get(), record.removedAt().orElse(record.updatedAt())));
                removedIn.put(record.name(), record.removedIn().orElse(""));
            }
        }
        return Optional.of(new Desired(applied.get().revision(), applied.get().specs().catalogue(),
                new DesiredState(applied.get().specs().productions(), removed), removedIn));
    }

    /** The spec a removed production last had, read from the revision that last declared it. */
    private Optional<Production> lastSpec(ProductionRecord record) {
        String cacheKey = record.name() + "@" + record.revision();
        Production cached = lastSpecs.get(cacheKey);
        if (cached != null) {
            return Optional.of(cached);
        }
        Revision declaredIn = new Revision(record.revision(), "", "", Instant.EPOCH);
        Optional<Production> spec = SpecLoader.load(source.treeAt(declaredIn)).repository()
                .flatMap(r -> r.production(record.name()));
        spec.ifPresent(p -> lastSpecs.put(cacheKey, p));
        return spec;
    }

    @Override
    public void close() {
        source.close();
    }
}
