package gov.bnl.sphenix.production.control;

import gov.bnl.sphenix.production.catalog.ledger.ProductionRecord;
import gov.bnl.sphenix.production.catalog.ledger.ProductionRegistry;
import gov.bnl.sphenix.production.catalog.ledger.ProductionState;
import gov.bnl.sphenix.production.control.events.EventKind;
import gov.bnl.sphenix.production.control.events.EventLog;
import gov.bnl.sphenix.production.control.guard.RemovalBlock;
import gov.bnl.sphenix.production.control.guard.RemovalGuard;
import gov.bnl.sphenix.production.control.guard.RemovalGuard.Verdict;
import gov.bnl.sphenix.production.control.guard.RevisionImpact;
import gov.bnl.sphenix.production.plan.DesiredState;
import gov.bnl.sphenix.production.plan.RemovedProduction;
import gov.bnl.sphenix.production.source.FetchResult;
import gov.bnl.sphenix.production.source.GitSpecSource;
import gov.bnl.sphenix.production.source.GitUrls;
import gov.bnl.sphenix.production.source.ProductionChanges;
import gov.bnl.sphenix.production.source.Revision;
import gov.bnl.sphenix.production.source.RevisionInForce;
import gov.bnl.sphenix.production.source.RevisionInForce.Applied;
import gov.bnl.sphenix.production.source.RevisionInForce.Outcome;
import gov.bnl.sphenix.production.source.StoredSpec;
import gov.bnl.sphenix.production.spec.Diagnostic;
import gov.bnl.sphenix.production.spec.Production;
import gov.bnl.sphenix.production.spec.ProductionIdentity;
import gov.bnl.sphenix.production.spec.SourceLocation;
import gov.bnl.sphenix.production.spec.ValidationReport;
import gov.bnl.sphenix.production.spec.load.SpecLoader;
import gov.bnl.sphenix.production.spec.tree.SpecTree;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the specs repository: fetches the branch, applies its head all-or-nothing, and keeps the
 * production registry in step — a production whose file is gone from the revision in force is
 * marked removing, with the commit that removed it. Comparing against the registry rather than
 * against the previous revision means a production removed while the engine was down is still
 * noticed after a restart.
 *
 * <p>Several followers may share one ledger: each goes by a source name and only ever treats its
 * own productions as removed; a production name another source declares is refused. The slow
 * part of a refresh (fetch, reading and validating the commit) runs outside this object's lock, so
 * a pass reading {@link #desired} waits at most for the swap. Refreshes must not overlap each other
 * (the {@link Engine} serialises them).
 */
public final class SpecFollower implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SpecFollower.class);
    private static final ProductionChanges NONE = ProductionChanges.between(List.of(), List.of());

    private final GitSpecSource source;
    private final ProductionRegistry registry;
    private final Clock clock;
    private final String name;
    private final Function<SpecTree, ValidationReport> loader;
    private final IdentityGuard identities;
    /** Guarded by this. */
    private final RevisionInForce inForce = new RevisionInForce();
    /** Last specs of removed productions, by name and the revision that declared them. Guarded by this. */
    private final Map<String, Production> lastSpecs = new HashMap<>();
    private volatile String lastLookedAt = "";
    private volatile List<Diagnostic> lastRejected = List.of();
    /** The head the removal guard holds back, read once: later refreshes judge it again without git. Guarded by this. */
    private Held held;
    private volatile Optional<RemovalBlock> lastBlocked = Optional.empty();
    /** The commit whose block is in the audit log: told once per commit, not at every refresh. Guarded by this. */
    private String blockTold = "";

    /** A follower going by the source's default name (repository, branch and sub-directory). */
    public SpecFollower(GitSpecSource source, ProductionRegistry registry, Clock clock) {
        this(source, registry, clock, source.defaultName());
    }

    /** @param name what this source is called in the ledger: stable across restarts and changes of URL */
    public SpecFollower(GitSpecSource source, ProductionRegistry registry, Clock clock, String name) {
        this(source, registry, clock, name, SpecLoader::load);
    }

    /** @param loader reads and validates a commit's specs ({@link SpecLoader#load}; another only in tests) */
    public SpecFollower(GitSpecSource source, ProductionRegistry registry, Clock clock, String name,
                        Function<SpecTree, ValidationReport> loader) {
        this.source = Objects.requireNonNull(source, "source");
        this.registry = Objects.requireNonNull(registry, "registry");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.name = Objects.requireNonNull(name, "name");
        this.loader = Objects.requireNonNull(loader, "loader");
        this.identities = new IdentityGuard(registry);
        if (name.isBlank()) {
            throw new IllegalArgumentException("a specs source needs a name: the ledger tells sources apart by it");
        }
    }

    /** What this source is called in the ledger. */
    public String name() {
        return name;
    }

    /**
     * Fetches and, when the head is new, validates and applies it. Never loses the revision in
     * force: a commit that cannot be read or loaded at all is rejected like an invalid one, and
     * stays rejected on every later refresh until a new commit arrives.
     */
    public SourceReport refresh(EventLog events) throws SQLException {
        return refresh(events, RemovalGuard.NONE);
    }

    /**
     * A refresh whose head is applied only if {@code guard} lets its removals through. A head the
     * guard holds back is judged again at every later refresh (a confirmation may have arrived)
     * from what was read of it the first time.
     */
    public SourceReport refresh(EventLog events, RemovalGuard guard) throws SQLException {
        FetchResult fetched = source.fetch();
        if (fetched instanceof FetchResult.Failed failed) {
            applied().ifPresent(r -> events.revision(r.commitId()));
            events.warning("", EventKind.FETCH_FAILED, failed.reason() + "; the revision in force keeps running");
            return new SourceReport(Optional.empty(), Optional.of(failed.reason()), applied(), lastRejected, NONE,
                    lastBlocked);
        }
        Revision head = ((FetchResult.Fetched) fetched).revision();
        ProductionChanges changes = NONE;
        if (!head.commitId().equals(lastLookedAt)) {
            Read read = read(head);
            changes = swap(head, read, guard, events);
            // only now: a failure above (the ledger unreachable) is retried on the same commit
            lastLookedAt = head.commitId();
        } else {
            Optional<Read> stillHeld = heldRead(head);
            if (stillHeld.isPresent()) {
                changes = swap(head, stillHeld.get(), guard, events);
            }
        }
        return new SourceReport(Optional.of(head), Optional.empty(), applied(), lastRejected, changes, lastBlocked);
    }

    /** A commit read and validated, with the files of each production's spec for the ledger. */
    private record Read(ValidationReport report, Map<String, StoredSpec> stored) {
    }

    /** Reads, validates and checks a commit against the other sources; the slow part, outside the lock. */
    private Read read(Revision head) throws SQLException {
        ValidationReport report;
        Map<String, StoredSpec> stored = new HashMap<>();
        try {
            SpecTree tree = source.treeAt(head);
            report = loader.apply(tree);
            if (report.valid() && report.repository().isPresent()) {
                report = refuseOthersProductions(report);
            }
            if (report.valid() && report.repository().isPresent()) {
                report = identities.refuseIdentityChanges(report, tree, productionsInForce());
                for (Production p : report.repository().map(r -> r.productions()).orElse(List.of())) {
                    stored.put(p.name(), StoredSpec.capture(tree, p));
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("source {}: commit {} could not be loaded: {}", name, head.shortId(), GitUrls.redact(e.toString()));
            report = new ValidationReport(Optional.empty(), List.of(Diagnostic.error(SourceLocation.ofFile("."),
                    "commit " + head.shortId() + " could not be loaded: " + GitUrls.redact(String.valueOf(e.getMessage())),
                    "fix or revert the commit; the revision in force stays until a new commit loads")), 0);
        }
        return new Read(report, stored);
    }

    /** A production name another source sharing this ledger declares is an error of this commit. */
    private ValidationReport refuseOthersProductions(ValidationReport report) throws SQLException {
        List<Production> productions = report.repository().orElseThrow().productions();
        Map<String, String> owners = registry.owners(productions.stream().map(Production::name).toList());
        List<Diagnostic> refused = new ArrayList<>();
        for (Production p : productions) {
            String owner = owners.get(p.name());
            if (owner != null && !owner.equals(name)) {
                refused.add(Diagnostic.error(SourceLocation.ofFile(p.file()), "production " + p.name()
                        + " is already declared by source " + owner + ", which shares this ledger (the job keys of"
                        + " both would be the same rows)", "rename it (metadata.name) or declare it in one source only"));
            }
        }
        if (refused.isEmpty()) {
            return report;
        }
        return new ValidationReport(Optional.empty(),
                Stream.concat(refused.stream(), report.diagnostics().stream()).toList(), report.filesRead());
    }

    /** A head the guard holds back: what was read of it and what applying it would do, measured when first seen. */
    private record Held(Revision head, Read read, RevisionImpact impact) {
    }

    private synchronized Optional<Read> heldRead(Revision head) {
        return held != null && held.head().commitId().equals(head.commitId()) ? Optional.of(held.read())
                : Optional.empty();
    }

    private synchronized ProductionChanges swap(Revision head, Read read, RemovalGuard guard, EventLog events)
            throws SQLException {
        List<String> removed = List.of();
        Optional<String> confirmedBy = Optional.empty();
        boolean isNew = inForce.inForce().map(a -> !a.revision().commitId().equals(head.commitId())).orElse(true);
        if (isNew && read.report().valid() && read.report().repository().isPresent()) {
            Verdict verdict = judge(head, read, guard, events);
            if (verdict instanceof Verdict.Blocked) {
                lastRejected = List.of();
                return NONE;
            }
            confirmedBy = ((Verdict.Allowed) verdict).confirmedBy();
            // the ledger first: should it fail, nothing has changed in memory and the commit is tried again
            removed = register(head, read.report().repository().get().productions(), read.stored());
        }
        held = null;
        lastBlocked = Optional.empty();
        Outcome outcome = inForce.offer(head, read.report());
        events.revision(head.commitId());
        if (outcome instanceof Outcome.NowInForce now) {
            lastRejected = List.of();
            ProductionChanges changes = now.changes();
            events.info("", EventKind.APPLIED, "applied " + head.shortId() + " (" + head.subject() + "): " + changes
                    + confirmedBy.map(c -> "; its removals " + c).orElse(""));
            removed.forEach(r -> events.info(r, EventKind.REMOVED, "production removed in " + head.shortId()
                    + " (" + head.subject() + ")"));
            changes.added().forEach(p -> events.info(p.name(), EventKind.DECLARED,
                    "production declared in " + head.shortId()));
            changes.changed().forEach(c -> events.info(c.after().name(), EventKind.CHANGED,
                    "spec changed in " + head.shortId()));
            return changes;
        }
        if (outcome instanceof Outcome.KeptPrevious kept) {
            lastRejected = kept.rejected().errors();
            events.warning("", EventKind.REJECTED, "commit " + head.shortId() + " (" + head.subject() + ") has "
                    + lastRejected.size() + " error" + (lastRejected.size() == 1 ? "" : "s") + ", first: "
                    + lastRejected.get(0) + "; " + kept.inForce().map(a -> a.revision().shortId() + " stays in force")
                    .orElse("nothing is in force yet"));
        }
        return NONE;
    }

    /**
     * Asks the guard whether {@code head} may be applied. A head it holds back is kept (with what it
     * would do, measured once) and told to the audit log once; should nothing be in force yet (the
     * engine restarted), the revision in force before the restart is resumed meanwhile.
     */
    private Verdict judge(Revision head, Read read, RemovalGuard guard, EventLog events) throws SQLException {
        boolean seen = held != null && held.head().commitId().equals(head.commitId());
        RevisionImpact impact = seen ? held.impact() : measure(head, read, guard);
        Verdict verdict = guard.judge(head, impact, applied());
        if (verdict instanceof Verdict.Blocked && inForce.inForce().isEmpty() && resumeLastApplied(head, events)) {
            verdict = guard.judge(head, impact, applied());
        }
        if (verdict instanceof Verdict.Blocked blocked) {
            held = new Held(head, read, impact);
            lastBlocked = Optional.of(blocked.block());
            if (!head.commitId().equals(blockTold)) {
                events.revision(head.commitId());
                events.warning("", EventKind.BLOCKED, blocked.block().message());
                blockTold = head.commitId();
            }
        }
        return verdict;
    }

    /** What applying {@code head} would do: this source's live productions it no longer declares, and their jobs. */
    private RevisionImpact measure(Revision head, Read read, RemovalGuard guard) throws SQLException {
        Set<String> declared = new HashSet<>();
        read.report().repository().orElseThrow().productions().forEach(p -> declared.add(p.name()));
        List<String> removed = new ArrayList<>();
        List<Production> removedSpecs = new ArrayList<>();
        for (ProductionRecord record : registry.ofSource(name)) {
            if (isLive(record) && !declared.contains(record.name())) {
                removed.add(record.name());
                lastSpec(record).ifPresent(removedSpecs::add);
            }
        }
        return guard.measure(head, removed, removedSpecs);
    }

    /**
     * Puts back in force the revision the ledger says was applied last (every production it
     * declared carries its commit), so that a restart while a head is held back keeps everything
     * running as before rather than running nothing.
     */
    private boolean resumeLastApplied(Revision head, EventLog events) throws SQLException {
        Optional<String> last = registry.ofSource(name).stream().filter(SpecFollower::isLive)
                .max(Comparator.comparing(ProductionRecord::updatedAt)).map(ProductionRecord::revision);
        Optional<Revision> revision = last.flatMap(source::revision);
        if (revision.isEmpty()) {
            LOG.warn("source {}: commit {} is held back and the revision applied before ({}) is not in the git mirror;"
                    + " nothing is in force until it is confirmed", name, head.shortId(), last.orElse("none"));
            return false;
        }
        Read read = read(revision.get());
        if (!(inForce.offer(revision.get(), read.report()) instanceof Outcome.NowInForce)) {
            return false;
        }
        events.revision(revision.get().commitId());
        events.info("", EventKind.APPLIED, "resumed " + revision.get().shortId() + " (" + revision.get().subject()
                + "), in force before the restart, while " + head.shortId() + " waits for confirmation");
        return true;
    }

    private static boolean isLive(ProductionRecord record) {
        return record.state() == ProductionState.ACTIVE || record.state() == ProductionState.SUSPENDED;
    }

    /** Records what the revision declares and marks this source's productions it no longer declares; returns those. */
    private List<String> register(Revision revision, List<Production> productions, Map<String, StoredSpec> stored)
            throws SQLException {
        Instant now = clock.instant();
        Set<String> declared = new HashSet<>();
        for (Production p : productions) {
            declared.add(p.name());
            boolean recorded = registry.record(name, new ProductionRecord(p.name(), p.specHash(), revision.commitId(),
                    p.submit() ? ProductionState.ACTIVE : ProductionState.SUSPENDED, now), ProductionIdentity.of(p),
                    stored.containsKey(p.name()) ? stored.get(p.name()).contents() : Map.of());
            if (!recorded) {
                throw new IllegalStateException("production " + p.name() + " was declared by another source a moment"
                        + " ago; commit " + revision.shortId() + " is checked again at the next refresh");
            }
        }
        List<String> removed = new ArrayList<>();
        for (ProductionRecord record : registry.ofSource(name)) {
            if (isLive(record) && !declared.contains(record.name())
                    && registry.markRemoving(name, record.name(), revision.commitId(), now)) {
                removed.add(record.name());
            }
        }
        return removed;
    }

    /** The spec files of a fetched commit, as the repository holds them (its payloads among them). */
    public SpecTree treeAt(Revision revision) {
        return source.treeAt(revision);
    }

    private synchronized List<Production> productionsInForce() {
        return inForce.inForce().map(a -> a.specs().productions()).orElse(List.of());
    }

    private synchronized Optional<Revision> applied() {
        return inForce.inForce().map(Applied::revision);
    }

    /**
     * The desired state of the revision in force, with the removed productions still winding down:
     * this source's, and those being removed from before sources were told apart.
     */
    public synchronized Optional<DesiredAtRevision> desired() throws SQLException {
        Optional<Applied> applied = inForce.inForce();
        if (applied.isEmpty()) {
            return Optional.empty();
        }
        List<RemovedProduction> removed = new ArrayList<>();
        Map<String, String> removedIn = new HashMap<>();
        List<ProductionRecord> records = new ArrayList<>(registry.ofSource(name));
        records.addAll(registry.ofSource(ProductionRegistry.NO_SOURCE));
        for (ProductionRecord record : records) {
            if (record.state() != ProductionState.REMOVING) {
                continue;
            }
            Optional<Production> last = lastSpec(record);
            if (last.isPresent()) {
                removed.add(new RemovedProduction(last.get(), record.removedAt().orElse(record.updatedAt())));
                removedIn.put(record.name(), record.removedIn().orElse(""));
            }
        }
        return Optional.of(new DesiredAtRevision(applied.get().revision(), applied.get().specs().catalogue(),
                new DesiredState(applied.get().specs().productions(), removed), removedIn));
    }

    /**
     * The spec a removed production last had: from the files the ledger kept of it, else (a record
     * from before they were kept) from the revision that last declared it, when git still has it.
     */
    private Optional<Production> lastSpec(ProductionRecord record) throws SQLException {
        String cacheKey = record.name() + "@" + record.revision();
        Production cached = lastSpecs.get(cacheKey);
        if (cached != null) {
            return Optional.of(cached);
        }
        Map<String, byte[]> files = registry.specFiles(record.name());
        Optional<Production> spec = files.isEmpty() ? fromGit(record) : new StoredSpec(files).production(record.name());
        if (spec.isEmpty()) {
            LOG.warn("source {}: the last spec of removed production {} is neither in the ledger nor in git ({});"
                    + " its removal waits", name, record.name(), record.revision());
        }
        spec.ifPresent(p -> lastSpecs.put(cacheKey, p));
        return spec;
    }

    private Optional<Production> fromGit(ProductionRecord record) {
        try {
            Revision declaredIn = new Revision(record.revision(), "", "", Instant.EPOCH);
            return SpecLoader.load(source.treeAt(declaredIn)).repository().flatMap(r -> r.production(record.name()));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        source.close();
    }
}
