package gov.bnl.sphenix.production.k8s;

/**
 * A Kubernetes-style condition ({@code Ready}, {@code Progressing}, {@code Stalled}): what
 * {@code kubectl describe} shows a shift person, with the reason and the generation it refers to.
 * The reason is text on the resource (a {@link ConditionReason} when this operator wrote it).
 */
public record Condition(String type, String status, String reason, String message, Long observedGeneration,
                        String lastTransitionTime) {
}
