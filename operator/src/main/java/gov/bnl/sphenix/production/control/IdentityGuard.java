package gov.bnl.sphenix.production.control;

import gov.bnl.sphenix.production.catalog.ledger.ProductionRecord;
import gov.bnl.sphenix.production.catalog.ledger.ProductionRegistry;
import gov.bnl.sphenix.production.catalog.ledger.ProductionState;
import gov.bnl.sphenix.production.source.StoredSpec;
import gov.bnl.sphenix.production.spec.Diagnostic;
import gov.bnl.sphenix.production.spec.IdentityLocations;
import gov.bnl.sphenix.production.spec.InPlaceIdentityCheck;
import gov.bnl.sphenix.production.spec.InPlaceIdentityCheck.IdentityChange;
import gov.bnl.sphenix.production.spec.Production;
import gov.bnl.sphenix.production.spec.SourceLocation;
import gov.bnl.sphenix.production.spec.ValidationReport;
import gov.bnl.sphenix.production.spec.tree.SpecTree;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The operator's side of {@link InPlaceIdentityCheck}: a commit that gives a production another
 * identity is rejected like an invalid one, so the revision in force keeps running. The identity a
 * production has is the revision in force's, or, for a production it does not declare (after a
 * restart nothing is in force yet; a production being removed is in none), the last spec the
 * ledger keeps of it. A production whose removal is complete is free to come back as anything.
 */
public final class IdentityGuard {

    /** Records whose identity still binds: declared, or removed but with jobs possibly in the queue. */
    private static final Set<ProductionState> BINDING = EnumSet.of(ProductionState.ACTIVE, ProductionState.SUSPENDED,
            ProductionState.REMOVING);

    private final ProductionRegistry registry;

    public IdentityGuard(ProductionRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    /**
     * {@code report} (a valid commit read from {@code tree}) with an error for each production that
     * changes its identity; {@code report} itself when none does.
     */
    public ValidationReport refuseIdentityChanges(ValidationReport report, SpecTree tree, List<Production> inForce)
            throws SQLException {
        List<Production> head = report.repository().orElseThrow().productions();
        List<Diagnostic> refused = new ArrayList<>(InPlaceIdentityCheck.check(inForce, head, tree));
        refused.addAll(againstTheLedger(head, inForce, tree));
        if (refused.isEmpty()) {
            return report;
        }
        return new ValidationReport(Optional.empty(),
                Stream.concat(refused.stream(), report.diagnostics().stream()).toList(), report.filesRead());
    }

    /** The productions the revision in force does not declare, checked against their last spec in the ledger. */
    private List<Diagnostic> againstTheLedger(List<Production> head, Collection<Production> inForce, SpecTree tree)
            throws SQLException {
        Set<String> declared = inForce.stream().map(Production::name).collect(Collectors.toSet());
        Map<String, ProductionRecord> records = registry.all().stream()
                .collect(Collectors.toMap(ProductionRecord::name, Function.identity()));
        IdentityLocations locations = new IdentityLocations(tree);
        List<Diagnostic> refused = new ArrayList<>();
        for (Production after : head) {
            ProductionRecord record = records.get(after.name());
            // the same spec hash is the same spec: nothing to read back
            if (declared.contains(after.name()) || record == null || !BINDING.contains(record.state())
                    || record.specHash().equals(after.specHash())) {
                continue;
            }
            Optional<Production> before = lastSpec(after.name());
            if (before.isEmpty()) {
                continue;
            }
            for (IdentityChange change : InPlaceIdentityCheck.changes(List.of(before.get()), List.of(after))) {
                SourceLocation at = locations.of(change.before(), after, change.differences().get(0).field());
                refused.add(record.state() == ProductionState.REMOVING
                        ? InPlaceIdentityCheck.whileRemoving(change, at) : InPlaceIdentityCheck.error(change, at));
            }
        }
        return refused;
    }

    /** The spec the ledger keeps of a production; empty for a record from before specs were kept. */
    private Optional<Production> lastSpec(String name) throws SQLException {
        Map<String, byte[]> files = registry.specFiles(name);
        return files.isEmpty() ? Optional.empty() : new StoredSpec(files).production(name);
    }
}
