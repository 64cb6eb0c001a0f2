package gov.bnl.sphenix.production.catalog.deletion;

import java.util.ArrayList;
import java.util.List;

/**
 * What a deletion did, or in a dry run would do: outputs ({@code datasets} rows) and copies
 * ({@code files} rows) removed from the catalog, and copies that could not be removed.
 */
public record DeletionReport(boolean dryRun, long outputs, long copies, List<DeletionFailure> failures) {

    public DeletionReport {
        failures = List.copyOf(failures);
    }

    static DeletionReport empty(boolean dryRun) {
        return new DeletionReport(dryRun, 0, 0, List.of());
    }

    DeletionReport plus(DeletionReport other) {
        List<DeletionFailure> all = new ArrayList<>(failures);
        all.addAll(other.failures);
        return new DeletionReport(dryRun, outputs + other.outputs, copies + other.copies, all);
    }
}
