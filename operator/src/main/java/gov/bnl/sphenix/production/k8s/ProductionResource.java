package gov.bnl.sphenix.production.k8s;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Singular;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * One declared production, created, updated and deleted only by the source reconciler from a
 * production file; people {@code get} and {@code describe} it, never edit it.
 */
@Group(ProductionSource.GROUP)
@Version(ProductionSource.VERSION)
@Kind("Production")
@Singular("production")
@Plural("productions")
@ShortNames("prod")
@AdditionalPrinterColumn(name = "STATE", jsonPath = ".status.state", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "DSTTYPE", jsonPath = ".spec.dsttype", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "DATASET", jsonPath = ".spec.dataset", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "TAG", jsonPath = ".spec.tag", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "QUEUED", jsonPath = ".status.jobs.queued", type = AdditionalPrinterColumn.Type.INTEGER)
@AdditionalPrinterColumn(name = "RUNNING", jsonPath = ".status.jobs.running", type = AdditionalPrinterColumn.Type.INTEGER)
@AdditionalPrinterColumn(name = "HELD", jsonPath = ".status.jobs.held", type = AdditionalPrinterColumn.Type.INTEGER)
@AdditionalPrinterColumn(name = "DONE", jsonPath = ".status.jobs.finished", type = AdditionalPrinterColumn.Type.INTEGER)
@AdditionalPrinterColumn(name = "FAILED", jsonPath = ".status.jobs.failed", type = AdditionalPrinterColumn.Type.INTEGER)
@AdditionalPrinterColumn(name = "WAITING", jsonPath = ".status.waitingRuns", type = AdditionalPrinterColumn.Type.INTEGER)
@AdditionalPrinterColumn(name = "READY", jsonPath = ".status.conditions[?(@.type==\"Ready\")].status",
        type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "AGE", jsonPath = ".metadata.creationTimestamp", type = AdditionalPrinterColumn.Type.DATE)
public class ProductionResource extends CustomResource<ProductionSpec, ProductionStatus> implements Namespaced {
}
