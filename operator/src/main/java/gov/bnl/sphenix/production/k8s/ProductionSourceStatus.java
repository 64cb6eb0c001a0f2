package gov.bnl.sphenix.production.k8s;

import java.util.ArrayList;
import java.util.List;

/** Where a {@link ProductionSource} stands: the newest fetched commit, the one in force, and why they differ. */
public class ProductionSourceStatus {

    private Long observedGeneration;
    private String fetchedRevision;
    private String appliedRevision;
    private String lastFetchTime;
    private String lastFetchError;
    /** {@code file:line:column: error: … — fix} of the newest rejected revision. */
    private List<String> validationErrors = new ArrayList<>();
    private List<Condition> conditions = new ArrayList<>();

    public Long getObservedGeneration() {
        return observedGeneration;
    }

    public void setObservedGeneration(Long observedGeneration) {
        this.observedGeneration = observedGeneration;
    }

    public String getFetchedRevision() {
        return fetchedRevision;
    }

    public void setFetchedRevision(String fetchedRevision) {
        this.fetchedRevision = fetchedRevision;
    }

    public String getAppliedRevision() {
        return appliedRevision;
    }

    public void setAppliedRevision(String appliedRevision) {
        this.appliedRevision = appliedRevision;
    }

    public String getLastFetchTime() {
        return lastFetchTime;
    }

    public void setLastFetchTime(String lastFetchTime) {
        this.lastFetchTime = lastFetchTime;
    }

    public String getLastFetchError() {
        return lastFetchError;
    }

    public void setLastFetchError(String lastFetchError) {
        this.lastFetchError = lastFetchError;
    }

    public List<String> getValidationErrors() {
        return validationErrors;
    }

    public void setValidationErrors(List<String> validationErrors) {
        this.validationErrors = validationErrors;
    }

    public List<Condition> getConditions() {
        return conditions;
    }

    public void setConditions(List<Condition> conditions) {
        this.conditions = conditions;
    }
}
