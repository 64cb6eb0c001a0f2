package gov.bnl.sphenix.production.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import gov.bnl.sphenix.production.RepositoryFiles;
import gov.bnl.sphenix.production.spec.names.Layout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The Helm chart, checked without helm: its plain YAML parses, its CRDs are the committed ones,
 * and its RBAC grants exactly what the operator needs. Templates are read as {@link ChartTemplates}
 * reads them, which is enough to see the rules they can render.
 */
class HelmChartTest {

    private static final Path CHART = ChartTemplates.CHART;
    private static final String TEMPLATED = ChartTemplates.TEMPLATED;

    private static Map<String, Object> load(Path file) throws IOException {
        return ChartTemplates.load(file);
    }

    private static List<Map<String, Object>> template(String name) throws IOException {
        return ChartTemplates.template(name);
    }

    private static Map<String, Object> ofKind(List<Map<String, Object>> documents, String kind) {
        return ChartTemplates.ofKind(documents, kind);
    }

    private static Map<String, Object> rule(List<String> apiGroups, List<String> resources, List<String> verbs) {
        return Map.of("apiGroups", apiGroups, "resources", resources, "verbs", verbs);
    }

    /** Exactly the verbs the operator's client calls use: sources read, productions managed, status patched. */
    private static final List<Map<String, Object>> RESOURCE_RULES = List.of(
            rule(List.of("production.sphenix.bnl.gov"), List.of("productionsources"), List.of("get", "list", "watch")),
            rule(List.of("production.sphenix.bnl.gov"), List.of("productions"),
                    List.of("get", "list", "watch", "create", "patch", "delete")),
            rule(List.of("production.sphenix.bnl.gov"), List.of("productionsources/status", "productions/status"),
                    List.of("patch")),
            rule(List.of(""), List.of("events"), List.of("create")));

    @Test
    void everyPlainYamlFileOfTheChartParses() throws IOException {
        Map<String, Object> chart = load(CHART.resolve("Chart.yaml"));
        assertThat(chart).containsEntry("apiVersion", "v2").containsEntry("name", "sphenix-production-operator");
        Map<String, Object> values = load(CHART.resolve("values.yaml"));
        assertThat(values).containsKeys("image", "source", "git", "catalogs", "condor", "leaderElection", "metrics",
                "resources");
        try (Stream<Path> crds = Files.list(CHART.resolve("crds"))) {
            for (Path crd : crds.toList()) {
                assertThat(load(crd)).as(crd.toString()).containsEntry("kind", "CustomResourceDefinition");
            }
        }
    }

    @Test
    void everyTemplateReadsAsKubernetesObjects() throws IOException {
        try (Stream<Path> templates = Files.list(CHART.resolve("templates"))) {
            for (Path t : templates.filter(p -> p.toString().endsWith(".yaml")).toList()) {
                List<Map<String, Object>> documents = template(t.getFileName().toString());
                assertThat(documents).as(t.toString()).isNotEmpty()
                        .allSatisfy(d -> assertThat(d).containsKeys("apiVersion", "kind", "metadata"));
            }
        }
        assertThat(ofKind(template("productionsource.yaml"), "ProductionSource"))
                .containsEntry("apiVersion", ProductionSource.GROUP + "/" + ProductionSource.VERSION);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theSourceTakesTheRemovalGuardsLimitsFromTheValues() throws IOException {
        Map<String, Object> spec = (Map<String, Object>) ofKind(template("productionsource.yaml"), "ProductionSource")
                .get("spec");
        Map<String, Object> source = (Map<String, Object>) load(CHART.resolve("values.yaml")).get("source");

        assertThat(spec).containsEntry("maxRemovals", TEMPLATED).containsEntry("maxKills", TEMPLATED);
        assertThat(source).containsEntry("maxRemovals", 5).containsEntry("maxKills", 1000);
    }

    @Test
    void theChartsCrdsAreTheCommittedOnes() throws IOException {
        Path top = RepositoryFiles.root().resolve("crds");
        List<String> topFiles;
        try (Stream<Path> files = Files.list(top)) {
            topFiles = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yml")).sorted().toList();
        }
        List<String> chartFiles;
        try (Stream<Path> files = Files.list(CHART.resolve("crds"))) {
            chartFiles = files.map(p -> p.getFileName().toString()).sorted().toList();
        }
        assertThat(chartFiles).isEqualTo(topFiles).hasSize(2);
        for (String file : topFiles) {
            assertThat(CHART.resolve("crds").resolve(file)).as("the chart's copy of " + file).hasSameBinaryContentAs(top.resolve(file));
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void theRoleGrantsExactlyTheResourcesLeasesAndNamedSecrets() throws IOException {
        List<Map<String, Object>> rbac = template("rbac.yaml");
        List<Map<String, Object>> expected = new ArrayList<>(RESOURCE_RULES);
        expected.add(rule(List.of("coordination.k8s.io"), List.of("leases"), List.of("get", "create", "update")));
        Map<String, Object> secrets = new java.util.HashMap<>(rule(List.of(""), List.of("secrets"), List.of("get")));
        secrets.put("resourceNames", TEMPLATED);
        expected.add(secrets);

        assertThat((List<Map<String, Object>>) ofKind(rbac, "Role").get("rules")).containsExactlyElementsOf(expected);
        assertThat((List<Map<String, Object>>) ofKind(rbac, "ClusterRole").get("rules"))
                .as("cluster-wide only what watching every namespace needs: no Leases, no Secrets")
                .containsExactlyElementsOf(RESOURCE_RULES);
        assertThat(ofKind(rbac, "RoleBinding")).containsKey("roleRef");
        assertThat(ofKind(rbac, "ClusterRoleBinding")).containsKey("roleRef");
    }

    @Test
    void secretsAreNamedFromTheValuesAndNeverGrantedWholesale() throws IOException {
        String rbac = Files.readString(CHART.resolve("templates/rbac.yaml"));
        assertThat(rbac).contains("{{- $secrets := include \"prodop.secretNames\" . }}",
                "{{- if ne $secrets \"[]\" }}", "resourceNames: {{ $secrets }}");
        String helpers = Files.readString(CHART.resolve("templates/_helpers.tpl"));
        assertThat(helpers).contains(".Values.git.credentialsSecret",
                "list \"daq\" \"rawdata\" \"filecatalog\" \"ledger\"", "toJson");
        Map<String, Object> catalogs = asMap(load(CHART.resolve("values.yaml")).get("catalogs"));
        for (String kind : List.of("daq", "rawdata", "filecatalog", "ledger")) {
            assertThat(asMap(catalogs.get(kind))).as(kind).containsKey("secret");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void theDeploymentRunsTheOperatorWithProbesOnTheOpsEndpoints() throws IOException {
        Map<String, Object> deployment = ofKind(template("deployment.yaml"), "Deployment");
        Map<String, Object> pod = asMap(asMap(asMap(deployment.get("spec")).get("template")).get("spec"));
        Map<String, Object> container = ((List<Map<String, Object>>) pod.get("containers")).get(0);
        assertThat(container.get("command")).isEqualTo(List.of("prodctl", "operator", "--log-format", TEMPLATED));
        assertThat(asMap(asMap(container.get("livenessProbe")).get("httpGet"))).containsEntry("path", "/healthz")
                .containsEntry("port", "ops");
        assertThat(asMap(asMap(container.get("readinessProbe")).get("httpGet"))).containsEntry("path", "/readyz")
                .containsEntry("port", "ops");
        assertThat((List<Map<String, Object>>) container.get("env")).extracting(e -> e.get("name"))
                .contains("POD_NAME", "POD_NAMESPACE", "PRODOP_OPS_PORT", "PRODOP_LEASE_NAME", "PRODOP_WATCH_NAMESPACES");
        assertThat(Files.readString(CHART.resolve("templates/deployment.yaml")))
                .as("catalog credentials come from their Secrets, never from values")
                .contains("secretKeyRef:", "printf \"PRODOP_%s_%s\" (upper $kind) (upper $key)");
    }

    @Test
    void theSitesFurtherTreesForRulesComeFromTheValuesUnderTheNameTheOperatorReads() throws IOException {
        assertThat(asMap(load(CHART.resolve("values.yaml")).get("paths"))).containsEntry("filesystemRoots", List.of());
        assertThat(Files.readString(CHART.resolve("templates/deployment.yaml")))
                .contains("- name: " + Layout.FILESYSTEM_ROOTS + "\n              value: {{ join \":\" . | quote }}");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theWorkDirectoryIsAWritableVolumeOnTheReadOnlyRootFileSystem() throws IOException {
        Map<String, Object> values = load(CHART.resolve("values.yaml"));
        assertThat(asMap(values.get("securityContext"))).containsEntry("readOnlyRootFilesystem", true);
        assertThat(asMap(values.get("workVolume"))).containsKey("emptyDir");
        Map<String, Object> deployment = ofKind(template("deployment.yaml"), "Deployment");
        Map<String, Object> pod = asMap(asMap(asMap(deployment.get("spec")).get("template")).get("spec"));
        Map<String, Object> container = ((List<Map<String, Object>>) pod.get("containers")).get(0);
        assertThat((List<Map<String, Object>>) container.get("volumeMounts"))
                .contains(Map.of("name", "work", "mountPath", TEMPLATED));
        assertThat((List<Map<String, Object>>) pod.get("volumes")).extracting(v -> v.get("name")).contains("work");
        String text = Files.readString(CHART.resolve("templates/deployment.yaml"));
        assertThat(text).as("the work directory the operator is told is the one mounted")
                .contains("- name: PRODOP_WORK\n              value: {{ .Values.paths.work | quote }}",
                        "- name: work\n              mountPath: {{ .Values.paths.work | quote }}",
                        "- name: work\n          {{- toYaml .Values.workVolume | nindent 10 }}");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object o) {
        return (Map<String, Object>) o;
    }
}
