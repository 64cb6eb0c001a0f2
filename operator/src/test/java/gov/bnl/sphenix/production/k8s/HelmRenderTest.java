package gov.bnl.sphenix.production.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import gov.bnl.sphenix.production.RepositoryFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The chart as Helm itself renders it (Helm's Go library, not a look-alike): it lints clean, its
 * default image is the one scripts/image.sh builds, the HTCondor tokens and configuration appear
 * exactly when their values are set, and every custom resource it renders is valid against its
 * CRD's schema.
 */
class HelmRenderTest {

    private static final Path CHART = RepositoryFiles.root().resolve("charts/sphenix-production-operator");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> SEVERAL_SCHEDDS = Map.of(
            "condor.schedds[0].name", "sphnxsub01.sdcc.bnl.gov",
            "condor.schedds[1].name", "second@sphnxsub02.sdcc.bnl.gov",
            "condor.schedds[1].productions[0]", "run3auau-streaming",
            "condor.pool", "sphnxcm.sdcc.bnl.gov:9618");

    private static List<Map<String, Object>> render(Map<String, String> values) {
        TemplateCommand template = new Helm(CHART).template().withName("prodop").withNamespace("sphenix-prod")
                .withKubeVersion("1.30.0");
        values.forEach(template::set);
        List<Map<String, Object>> documents = new ArrayList<>();
        for (Object document : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(template.call())) {
            if (document != null) {
                @SuppressWarnings("unchecked")
                Map<String, Object> map = (Map<String, Object>) document;
                documents.add(map);
            }
        }
        return documents;
    }

    private static JsonNode ofKind(List<Map<String, Object>> documents, String kind) {
        return JSON.valueToTree(documents.stream().filter(d -> kind.equals(d.get("kind"))).findFirst().orElseThrow());
    }

    private static JsonNode pod(List<Map<String, Object>> documents) {
        return ofKind(documents, "Deployment").at("/spec/template/spec");
    }

    private static List<String> names(JsonNode array, String field) {
        List<String> names = new ArrayList<>();
        array.forEach(item -> names.add(item.path(field).asText()));
        return names;
    }

    private static JsonNode named(JsonNode array, String name) {
        for (JsonNode item : array) {
            if (name.equals(item.path("name").asText())) {
                return item;
            }
        }
        throw new AssertionError("no item named " + name + " in " + array);
    }

    @Test
    void helmLintFindsNothingToSay() {
        LintResult lint = new Helm(CHART).lint().strict().call();

        assertThat(lint.getMessages()).noneMatch(m -> m.contains("[ERROR]") || m.contains("[WARNING]"));
        assertThat(lint.isFailed()).as("helm lint --strict: %s", lint.getMessages()).isFalse();
    }

    @Test
    void theDefaultImageIsTheOneImageShBuilds() throws IOException {
        String script = Files.readString(RepositoryFiles.root().resolve("scripts/image.sh"));
        Matcher repository = Pattern.compile("(?m)^REPOSITORY=\"([^\"]+)\"$").matcher(script);
        assertThat(repository.find()).as("image.sh names its repository").isTrue();
        Map<String, Object> chart = new Yaml(new SafeConstructor(new LoaderOptions()))
                .load(Files.readString(CHART.resolve("Chart.yaml")));
        String pom = Files.readString(RepositoryFiles.root().resolve("pom.xml"));
        Matcher version = Pattern.compile("<version>([0-9.]+)(-SNAPSHOT)?</version>").matcher(pom);
        assertThat(version.find()).isTrue();

        JsonNode container = pod(render(Map.of())).at("/containers/0");

        assertThat(container.path("image").asText()).isEqualTo(repository.group(1) + ":" + chart.get("appVersion"));
        assertThat(chart.get("appVersion")).as("the image's tag is the release of prodctl it holds").isEqualTo(version.group(1));
        assertThat(pod(render(Map.of())).at("/securityContext/runAsUser").asInt()).as("image.sh's user").isEqualTo(10001);
    }

    @Test
    void withoutTokensOrPoolConfigurationNothingOfThemIsRendered() {
        JsonNode pod = pod(render(Map.of()));

        assertThat(pod.path("initContainers").isMissingNode()).isTrue();
        assertThat(names(pod.path("volumes"), "name")).doesNotContain("condor-tokens", "condor-tokens-secret", "condor-config");
        JsonNode container = pod.at("/containers/0");
        assertThat(names(container.path("volumeMounts"), "name")).doesNotContain("condor-tokens", "condor-config");
        assertThat(names(container.path("env"), "name")).doesNotContain("CONDOR_CONFIG", "_CONDOR_SEC_TOKEN_DIRECTORY");
    }

    @Test
    void tokensFromASecretAreCopiedWhereHTCondorReadsThem() {
        JsonNode pod = pod(render(Map.of("condor.tokenSecret", "prodop-condor-tokens")));

        JsonNode secret = named(pod.path("volumes"), "condor-tokens-secret");
        assertThat(secret.at("/secret/secretName").asText()).isEqualTo("prodop-condor-tokens");
        assertThat(secret.at("/secret/defaultMode").asInt()).as("0440: readable by fsGroup").isEqualTo(0440);
        assertThat(named(pod.path("volumes"), "condor-tokens").at("/emptyDir/medium").asText()).isEqualTo("Memory");
        JsonNode copy = named(pod.path("initContainers"), "condor-tokens");
        assertThat(copy.path("command").toString()).contains("install -m 600 /etc/condor/tokens-secret/* /etc/condor/tokens.d/");
        assertThat(names(copy.path("volumeMounts"), "mountPath")).containsExactly("/etc/condor/tokens-secret", "/etc/condor/tokens.d");
        assertThat(copy.path("image").asText()).isEqualTo(pod.at("/containers/0/image").asText());
        JsonNode container = pod.at("/containers/0");
        assertThat(named(container.path("env"), "_CONDOR_SEC_TOKEN_DIRECTORY").path("value").asText()).isEqualTo("/etc/condor/tokens.d");
        JsonNode mount = named(container.path("volumeMounts"), "condor-tokens");
        assertThat(mount.path("mountPath").asText()).isEqualTo("/etc/condor/tokens.d");
        assertThat(mount.path("readOnly").asBoolean()).isTrue();
        assertThat(names(container.path("env"), "name")).doesNotContain("CONDOR_CONFIG");
    }

    @Test
    void thePoolsConfigurationFromAConfigMapIsWhatCondorConfigNames() {
        JsonNode pod = pod(render(Map.of("condor.configMap", "sdcc-pool", "condor.configKey", "condor_config.local")));

        JsonNode volume = named(pod.path("volumes"), "condor-config");
        assertThat(volume.at("/configMap/name").asText()).isEqualTo("sdcc-pool");
        assertThat(volume.at("/configMap/items/0/key").asText()).isEqualTo("condor_config.local");
        assertThat(volume.at("/configMap/items/0/path").asText()).isEqualTo("condor_config");
        JsonNode container = pod.at("/containers/0");
        assertThat(named(container.path("volumeMounts"), "condor-config").path("mountPath").asText()).isEqualTo("/etc/condor/pool");
        assertThat(named(container.path("env"), "CONDOR_CONFIG").path("value").asText())
                .isEqualTo("/etc/condor/pool/condor_config");
        assertThat(pod.path("initContainers").isMissingNode()).as("no tokens asked for").isTrue();
    }

    @Test
    void severalScheddsAreHandedToTheProductionSourceWithTheirProductionsAndThePool() {
        JsonNode batch = ofKind(render(SEVERAL_SCHEDDS), "ProductionSource").at("/spec/batch");

        assertThat(batch.path("scheddName").isMissingNode()).isTrue();
        assertThat(names(batch.path("schedds"), "name")).containsExactly("sphnxsub01.sdcc.bnl.gov",
                "second@sphnxsub02.sdcc.bnl.gov");
        assertThat(batch.at("/schedds/0/productions").isMissingNode()).isTrue();
        assertThat(batch.at("/schedds/1/productions").toString()).isEqualTo("[\"run3auau-streaming\"]");
        assertThat(batch.path("pool").asText()).isEqualTo("sphnxcm.sdcc.bnl.gov:9618");
    }

    @Test
    void aScheddNamedAloneAndInTheListIsRefusedWithTheFix() {
        Map<String, String> both = new HashMap<>(SEVERAL_SCHEDDS);
        both.put("condor.scheddName", "sphnxsub01.sdcc.bnl.gov");

        assertThatThrownBy(() -> render(both)).hasMessageContaining("condor.scheddName and condor.schedds are both set")
                .hasMessageContaining("list every schedd (that one too) in schedds");
    }

    @Test
    void everyCustomResourceTheChartRendersIsValidAgainstItsCrd() throws IOException {
        Map<String, JsonSchema> schemas = crdSchemas();
        List<Map<String, Object>> documents = new ArrayList<>(render(Map.of()));
        documents.addAll(render(Map.of("source.limits.queueBudget", "20000", "condor.scheddName", "schedd@sphnxsub01",
                "condor.commandPrefix", "ssh sphnxsub01", "source.suspend", "true")));
        documents.addAll(render(SEVERAL_SCHEDDS));

        int checked = 0;
        for (Map<String, Object> document : documents) {
            JsonSchema schema = schemas.get(document.get("apiVersion") + "/" + document.get("kind"));
            if (schema == null) {
                continue;
            }
            Set<ValidationMessage> errors = schema.validate(JSON.valueToTree(document));
            assertThat(errors).as("%s %s", document.get("kind"), document.get("metadata")).isEmpty();
            checked++;
        }
        assertThat(checked).as("a ProductionSource in each rendering").isEqualTo(3);
    }

    /** The openAPIV3Schema of each served version of the chart's CRDs, by apiVersion/kind. */
    private static Map<String, JsonSchema> crdSchemas() throws IOException {
        Map<String, JsonSchema> schemas = new HashMap<>();
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4);
        try (Stream<Path> files = Files.list(CHART.resolve("crds"))) {
            for (Path file : files.toList()) {
                JsonNode crd = JSON.valueToTree(new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(file)));
                String group = crd.at("/spec/group").asText();
                String kind = crd.at("/spec/names/kind").asText();
                for (JsonNode version : crd.at("/spec/versions")) {
                    schemas.put(group + "/" + version.path("name").asText() + "/" + kind,
                            factory.getSchema(version.at("/schema/openAPIV3Schema")));
                }
            }
        }
        assertThat(schemas).isNotEmpty();
        return schemas;
    }
}
