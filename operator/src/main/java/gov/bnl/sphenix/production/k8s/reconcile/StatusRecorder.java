package gov.bnl.sphenix.production.k8s.reconcile;

import gov.bnl.sphenix.production.control.events.EngineEvent;
import gov.bnl.sphenix.production.control.events.EventKind;
import gov.bnl.sphenix.production.k8s.ProductionResource;
import gov.bnl.sphenix.production.k8s.ProductionSource;
import gov.bnl.sphenix.production.k8s.ProductionSourceStatus;
import gov.bnl.sphenix.production.k8s.ProductionStatus;
import gov.bnl.sphenix.production.k8s.TimedStatus;
import gov.bnl.sphenix.production.k8s.UpperCamel;
import gov.bnl.sphenix.production.source.GitUrls;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.net.HttpURLConnection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one writer of what the operator tells on its resources: their status and the engine's
 * Events. A status is written only when it changed (compared without the time of the write, which
 * differs on every pass), as a patch bound to the resource's {@code resourceVersion}; when
 * someone else wrote the resource in between (409), the resource is read again and the change
 * applied to what is there, a bounded number of times. The reconcilers hand in the change, never a status to write blindly.
 *
 * <p>Events: so that {@code kubectl describe production X} tells what happened and why. A pass that
 * produced a flood (thousands of failures) shows its first few; the audit log in the ledger keeps
 * all of them.
 */
public final class StatusRecorder {

    private static final Logger LOG = LoggerFactory.getLogger(StatusRecorder.class);
    /** Writes of one status before a conflict is left to the reconciler's retry. */
    static final int ATTEMPTS = 5;
    static final int EVENTS_PER_PASS = 20;
    private static final int MESSAGE_LIMIT = 1024;

    private final KubernetesClient client;
    private final String component;

    /** @param component the Events' source ({@code prodctl-operator}) */
    public StatusRecorder(KubernetesClient client, String component) {
        this.client = client;
        this.component = component;
    }

    /** Writes the status {@code change} makes of the production's, if that differs from it; returns whether it wrote. */
    public boolean production(ProductionResource production, UnaryOperator<ProductionStatus> change) {
        return record(production, ProductionStatus.NONE, change);
    }

    /** Writes the status {@code change} makes of the source's, if that differs from it; returns whether it wrote. */
    public boolean source(ProductionSource source, UnaryOperator<ProductionSourceStatus> change) {
        return record(source, ProductionSourceStatus.NONE, change);
    }

    private <S extends TimedStatus<S>, R extends CustomResource<?, S>> boolean record(R resource, S none,
                                                                                     UnaryOperator<S> change) {
        R current = resource;
        for (int attempt = 1; ; attempt++) {
            S before = current.getStatus() == null ? none : current.getStatus();
            S after = change.apply(before);
            if (after.untimed().equals(before.untimed())) {
                return false;
            }
            // a patch that names the resourceVersion it was computed from: the API server refuses it (409) when
            // the resource changed since, instead of losing what was written in between. A JSON patch, not a
            // merge patch: the status replaces the one there whole, lists included
            String patch = client.getKubernetesSerialization().asJson(List.of(
                    Map.of("op", "replace", "path", "/metadata/resourceVersion",
                            "value", current.getMetadata().getResourceVersion()),
                    Map.of("op", "add", "path", "/status", "value", after)));
            try {
                resource(current).subresource("status").patch(PatchContext.of(PatchType.JSON), patch);
                return true;
            } catch (KubernetesClientException e) {
                if (e.getCode() != HttpURLConnection.HTTP_CONFLICT || attempt == ATTEMPTS) {
                    throw e;
                }
                // written in between (by another pass, or before the cache saw our last write): read it again
                current = resource(current).get();
                if (current == null) {
                    return false;
                }
            }
        }
    }

    @SuppressWarnings("unchecked")
    private <R extends CustomResource<?, ?>> Resource<R> resource(R resource) {
        return client.resources((Class<R>) resource.getClass()).inNamespace(resource.getMetadata().getNamespace())
                .withName(resource.getMetadata().getName());
    }

    /** The production's events of a pass as Kubernetes Events on it, the first {@value #EVENTS_PER_PASS}. */
    public void events(ProductionResource production, List<EngineEvent> events) {
        for (EngineEvent event : events.subList(0, Math.min(EVENTS_PER_PASS, events.size()))) {
            try {
                client.v1().events().inNamespace(production.getMetadata().getNamespace()).resource(new EventBuilder()
                        .withNewMetadata()
                        .withName(production.getMetadata().getName() + "." + UUID.randomUUID().toString().substring(0, 13))
                        .withNamespace(production.getMetadata().getNamespace())
                        .endMetadata()
                        .withInvolvedObject(new ObjectReferenceBuilder()
                                .withApiVersion(production.getApiVersion())
                                .withKind(production.getKind())
                                .withName(production.getMetadata().getName())
                                .withNamespace(production.getMetadata().getNamespace())
                                .withUid(production.getMetadata().getUid())
                                .build())
                        .withType(event.warning() ? "Warning" : "Normal")
                        .withReason(reason(event.kind()))
                        .withMessage(message(event))
                        .withFirstTimestamp(event.at().toString())
                        .withLastTimestamp(event.at().toString())
                        .withCount(1)
                        .withNewSource().withComponent(component).endSource()
                        .build()).create();
            } catch (KubernetesClientException e) {
                // an event that cannot be written must not fail the pass; the audit log has it
                LOG.warn("production {}: event not recorded: {}", production.getMetadata().getName(), e.getMessage());
            }
        }
    }

    /** {@code DELETION_BLOCKED} → {@code DeletionBlocked}: the Event reason of an event kind. */
    static String reason(EventKind kind) {
        return UpperCamel.of(kind);
    }

    /** The event's message, any URL's user-info redacted, within the API server's limit. */
    private static String message(EngineEvent event) {
        String message = GitUrls.redact(event.message());
        return message.length() > MESSAGE_LIMIT ? message.substring(0, MESSAGE_LIMIT) : message;
    }
}
