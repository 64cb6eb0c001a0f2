package gov.bnl.sphenix.production.k8s;

import io.javaoperatorsdk.operator.api.reconciler.Cleaner;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A trivial reconciler for {@link ProductionResource}: marks it Ready, naming the replica that did it, and
 * records its cleanup. Being a {@link Cleaner} makes JOSDK put its finalizer on every production.
 */
final class StampingReconciler implements Reconciler<ProductionResource>, Cleaner<ProductionResource> {

    private final String replica;
    final List<String> reconciled = new CopyOnWriteArrayList<>();
    final List<String> cleanedUp = new CopyOnWriteArrayList<>();

    StampingReconciler(String replica) {
        this.replica = replica;
    }

    @Override
    public UpdateControl<ProductionResource> reconcile(ProductionResource production, Context<ProductionResource> context) {
        reconciled.add(production.getMetadata().getName());
        ProductionStatus status = production.getStatus() == null ? ProductionStatus.NONE : production.getStatus();
        long generation = production.getMetadata().getGeneration();
        production.setStatus(status.withConditions(generation, Conditions.set(status.conditions(), Conditions.READY,
                "True", ConditionReason.RECONCILING, "reconciled by " + replica, generation, Instant.now())));
        return UpdateControl.patchStatus(production);
    }

    @Override
    public DeleteControl cleanup(ProductionResource production, Context<ProductionResource> context) {
        cleanedUp.add(production.getMetadata().getName());
        return DeleteControl.defaultDelete();
    }
}
