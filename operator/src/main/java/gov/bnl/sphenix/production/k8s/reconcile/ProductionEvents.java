package gov.bnl.sphenix.production.k8s.reconcile;

import gov.bnl.sphenix.production.control.events.EngineEvent;
import gov.bnl.sphenix.production.k8s.Production;
import gov.bnl.sphenix.production.source.GitUrls;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's events of a pass as Kubernetes Events on the production, so that
 * {@code kubectl describe production X} tells what happened and why. A pass that produced a flood
 * (thousands of failures) shows its first few; the audit log in the ledger keeps all of them.
 */
public final class ProductionEvents {

    private static final Logger LOG = LoggerFactory.getLogger(ProductionEvents.class);
    static final int PER_PASS = 20;
    private static final int MESSAGE_LIMIT = 1024;

    private final KubernetesClient client;
    private final String component;

    public ProductionEvents(KubernetesClient client, String component) {
        this.client = client;
        this.component = component;
    }

    /** The event's message, any URL's user-info redacted, within the API server's limit. */
    private static String message(EngineEvent event) {
        String message = GitUrls.redact(event.message());
        return message.length() > MESSAGE_LIMIT ? message.substring(0, MESSAGE_LIMIT) : message;
    }

    public void publish(Production production, List<EngineEvent> events) {
        for (EngineEvent event : events.subList(0, Math.min(PER_PASS, events.size()))) {
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
                        .withReason(reason(event.kind().spelling()))
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

    /** {@code deletion-blocked} → {@code DeletionBlocked}: Event reasons are UpperCamelCase. */
    static String reason(String kind) {
        StringBuilder out = new StringBuilder();
        for (String part : kind.split("-")) {
            if (!part.isEmpty()) {
                out.append(part.substring(0, 1).toUpperCase(Locale.ROOT)).append(part.substring(1));
            }
        }
        return out.toString();
    }

}
