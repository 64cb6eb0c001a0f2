package gov.bnl.sphenix.production.catalog.registration;

import java.util.ArrayList;
import java.util.List;

/**
 * The outcome of registering outputs: copies newly catalogued, outputs that were already there
 * with the same checksum (a harvest run twice, or a retry after a lost commit), and conflicts.
 */
public record RegistrationResult(long registered, long unchanged, List<RegistrationConflict> conflicts) {

    public static final RegistrationResult NONE = new RegistrationResult(0, 0, List.of());

    public RegistrationResult {
        conflicts = List.copyOf(conflicts);
    }

    public RegistrationResult plus(RegistrationResult other) {
        List<RegistrationConflict> all = new ArrayList<>(conflicts);
        all.addAll(other.conflicts);
        return new RegistrationResult(registered + other.registered, unchanged + other.unchanged, all);
    }
}
