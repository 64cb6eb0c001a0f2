package gov.bnl.sphenix.production.cli.forge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.Yaml;

/**
 * A GitHub Actions workflow file, read as GitHub reads it: its steps' shell scripts and the
 * environment each step gets, with the {@code ${{ ... }}} expressions GitHub would fill in.
 */
public final class GitHubWorkflow {

    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{\\{\\s*(.+?)\\s*}}");

    /** One step: its name, its {@code if:}, its script and its own {@code env:}, as written. */
    public record Step(String name, String condition, String run, Map<String, String> env) {
    }

    private final Map<String, Object> document;

    private GitHubWorkflow(Map<String, Object> document) {
        this.document = document;
    }

    public static GitHubWorkflow read(Path file) {
        try {
            return new GitHubWorkflow(new Yaml().load(Files.readString(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The document as parsed, for what a test asserts on directly (triggers, permissions). */
    public Map<String, Object> document() {
        return document;
    }

    /**
     * The {@code on:} section: the events that start the workflow. YAML 1.1 reads a bare
     * {@code on} key as the boolean true; GitHub reads it as the word.
     */
    @SuppressWarnings("unchecked")
    public Map<String, Object> triggers() {
        Object on = document.containsKey("on") ? document.get("on") : ((Map<Object, Object>) (Map<?, ?>) document).get(Boolean.TRUE);
        return (Map<String, Object>) on;
    }

    /** The step called {@code name} of job {@code job}. */
    @SuppressWarnings("unchecked")
    public Step step(String job, String name) {
        Map<String, Object> jobs = (Map<String, Object>) document.get("jobs");
        List<Map<String, Object>> steps = (List<Map<String, Object>>) ((Map<String, Object>) jobs.get(job)).get("steps");
        return steps.stream().filter(s -> name.equals(s.get("name"))).findFirst()
                .map(s -> new Step(name, String.valueOf(s.getOrDefault("if", "")), (String) s.get("run"),
                        strings((Map<String, Object>) s.getOrDefault("env", Map.of()))))
                .orElseThrow(() -> new AssertionError("no step '" + name + "' in job " + job + " of the workflow"));
    }

    /**
     * The variables a step's script sees: the workflow's {@code env:} then the step's, each
     * expression replaced by its value in {@code context} (an expression the test does not know
     * fails it, rather than running with a guess).
     */
    @SuppressWarnings("unchecked")
    public Map<String, String> environment(Step step, Map<String, String> context) {
        Map<String, String> env = new LinkedHashMap<>();
        env.putAll(strings((Map<String, Object>) document.getOrDefault("env", Map.of())));
        env.putAll(step.env());
        env.replaceAll((name, value) -> evaluate(value, context));
        return env;
    }

    private static String evaluate(String value, Map<String, String> context) {
        Matcher m = EXPRESSION.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String expression = m.group(1);
            if (!context.containsKey(expression)) {
                throw new AssertionError("the test does not know what GitHub gives for ${{ " + expression + " }}");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(context.get(expression)));
        }
        return m.appendTail(out).toString();
    }

    private static Map<String, String> strings(Map<String, Object> map) {
        Map<String, String> copy = new LinkedHashMap<>();
        map.forEach((k, v) -> copy.put(k, String.valueOf(v)));
        return copy;
    }
}
