package gov.bnl.sphenix.production.k8s;

/**
 * Every reason this operator gives a condition, written UpperCamelCase on the resource
 * ({@link #text()}). One word per cause: a pass or a reconcile that failed and is retried is
 * {@link #STALLED} on a production and on a source alike.
 */
public enum ConditionReason {
    // a production, from its state after the last pass
    WAITING, PROGRESSING, COMPLETE, REMOVING,
    /** The last pass or reconcile failed (schedd or catalog unreachable, a step failed); retried with back-off. */
    STALLED,
    /** {@code Stalled=False}: the last pass worked. */
    RECONCILING,
    /** Its source has no engine yet. */
    WAITING_FOR_SOURCE,
    /** The revision in force does not declare it. */
    NOT_DECLARED,
    // a source
    APPLIED, SUSPENDED, FETCH_FAILED, INVALID_REVISION,
    /** The head removes more than the source's limits allow and waits for a confirmation. */
    REMOVAL_UNCONFIRMED,
    /** The git Secret is not for this repository: not retried into success. */
    CREDENTIALS_REFUSED;

    public String text() {
        return UpperCamel.of(this);
    }
}
