package gov.bnl.sphenix.production.catalog.registration;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Sorts one batch against what the catalog holds: copies to write, {@code datasets} rows to
 * write, outputs already there with the same checksum, and conflicts. Pure, so every rule of
 * idempotency is decided in one readable place.
 */
final class BatchPlan {

    final List<StagedOutput> newCopies = new ArrayList<>();
    final List<StagedOutput> newOutputs = new ArrayList<>();
    final Map<String, RegistrationConflict> conflicts = new LinkedHashMap<>();
    long unchanged;

    static BatchPlan of(List<StagedOutput> batch, CatalogState catalog) {
        BatchPlan plan = new BatchPlan();
        Map<String, String> offeredChecksum = new HashMap<>();
        for (StagedOutput output : batch) {
            String first = offeredChecksum.putIfAbsent(output.lfn(), output.md5());
            if (first != null && !first.equals(output.md5())) {
                // one name, two checksums in one batch: neither copy can be trusted
                plan.conflicts.putIfAbsent(output.lfn(), new RegistrationConflict(output.lfn(), first, output.md5()));
            }
            String catalogued = catalog.otherChecksum(output.lfn(), output.md5());
            if (catalogued != null) {
                plan.conflicts.putIfAbsent(output.lfn(), new RegistrationConflict(output.lfn(), catalogued, output.md5()));
            }
        }
        Set<String> copiesTaken = new HashSet<>();
        Set<String> outputsTaken = new HashSet<>();
        for (StagedOutput output : batch) {
            if (plan.conflicts.containsKey(output.lfn())) {
                continue;
            }
            boolean newCopy = !catalog.hasCopy(output.lfn(), output.storage())
                    && copiesTaken.add(output.lfn() + '\n' + output.storage());
            if (newCopy) {
                plan.newCopies.add(output);
            } else {
                plan.unchanged++;
            }
            if (!catalog.hasOutput(output.lfn()) && outputsTaken.add(output.lfn())) {
                plan.newOutputs.add(output);
            }
        }
        return plan;
    }
}
