package gov.bnl.sphenix.production.k8s;

import gov.bnl.sphenix.production.RepositoryFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The Helm chart's files as the tests read them, without helm: plain YAML files parsed, and
 * templates with their actions taken out (every branch kept) and their inline expressions replaced
 * by {@link #TEMPLATED}, which is enough to see what they can render.
 */
public final class ChartTemplates {

    public static final Path CHART = RepositoryFiles.root().resolve("charts/sphenix-production-operator");
    /** What an inline template expression reads as. */
    public static final String TEMPLATED = "TEMPLATED";
    /** A line that is only a template action: if, range, with, end, an assignment, an include that indents. */
    private static final Pattern ACTION_LINE = Pattern.compile("^\\s*\\{\\{-?.*-?}}\\s*$");
    private static final Pattern INLINE = Pattern.compile("\\{\\{-?.*?-?}}");

    private ChartTemplates() {
    }

    static Yaml yaml() {
        return new Yaml(new SafeConstructor(new LoaderOptions()));
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> load(Path file) throws IOException {
        return (Map<String, Object>) yaml().load(Files.readString(file));
    }

    public static Map<String, Object> values() throws IOException {
        return load(CHART.resolve("values.yaml"));
    }

    /** The documents of a template, its actions dropped and its inline expressions replaced by the marker. */
    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> template(String name) throws IOException {
        StringBuilder plain = new StringBuilder();
        for (String line : Files.readAllLines(CHART.resolve("templates").resolve(name))) {
            if (!ACTION_LINE.matcher(line).matches()) {
                plain.append(INLINE.matcher(line).replaceAll(TEMPLATED)).append('\n');
            }
        }
        List<Map<String, Object>> documents = new ArrayList<>();
        for (Object document : yaml().loadAll(plain.toString())) {
            if (document != null) {
                documents.add((Map<String, Object>) document);
            }
        }
        return documents;
    }

    public static Map<String, Object> ofKind(List<Map<String, Object>> documents, String kind) {
        return documents.stream().filter(d -> kind.equals(d.get("kind"))).findFirst().orElseThrow();
    }
}
