package gov.bnl.sphenix.production.k8s;

/**
 * A Kubernetes-style condition ({@code Ready}, {@code Progressing}, {@code Stalled}): what
 * {@code kubectl describe} shows a shift person, with the reason and the generation it refers to.
 */
public class Condition {

    private String type;
    private String status;
    private String reason;
    private String message;
    private Long observedGeneration;
    private String lastTransitionTime;

    public Condition() {
    }

    public Condition(String type, String status, String reason, String message, Long observedGeneration,
                     String lastTransitionTime) {
        this.type = type;
        this.status = status;
        this.reason = reason;
        this.message = message;
        this.observedGeneration = observedGeneration;
        this.lastTransitionTime = lastTransitionTime;
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public String getMessage() {
        return message;
    }

    public void setMessage(String message) {
        this.message = message;
    }

    public Long getObservedGeneration() {
        return observedGeneration;
    }

    public void setObservedGeneration(Long observedGeneration) {
        this.observedGeneration = observedGeneration;
    }

    public String getLastTransitionTime() {
        return lastTransitionTime;
    }

    public void setLastTransitionTime(String lastTransitionTime) {
        this.lastTransitionTime = lastTransitionTime;
    }
}
