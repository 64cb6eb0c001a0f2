package gov.bnl.sphenix.production.k8s;

import java.util.List;

/**
 * Where a {@link ProductionSource} stands: the newest fetched commit, the one in force, and why they differ.
 *
 * @param lastFetchTime    the fetch whose status was last written (a fetch that changes nothing writes nothing)
 * @param validationErrors {@code file:line:column: error: … — fix} of the newest rejected revision
 */
public record ProductionSourceStatus(Long observedGeneration, String fetchedRevision, String appliedRevision,
                                     String lastFetchTime, String lastFetchError, List<String> validationErrors,
                                     List<Condition> conditions) implements TimedStatus<ProductionSourceStatus> {

    /** The status of a source nothing is known of yet. */
    public static final ProductionSourceStatus NONE = new ProductionSourceStatus(null, null, null, null, null, null, null);

    public ProductionSourceStatus {
        validationErrors = validationErrors == null ? List.of() : List.copyOf(validationErrors);
        conditions = conditions == null ? List.of() : List.copyOf(conditions);
    }

    /** This status with other conditions, computed from {@code generation}. */
    public ProductionSourceStatus withConditions(long generation, List<Condition> changed) {
        return new ProductionSourceStatus(generation, fetchedRevision, appliedRevision, lastFetchTime, lastFetchError,
                validationErrors, changed);
    }

    @Override
    public ProductionSourceStatus untimed() {
        return new ProductionSourceStatus(observedGeneration, fetchedRevision, appliedRevision, null, lastFetchError,
                validationErrors, conditions);
    }
}
