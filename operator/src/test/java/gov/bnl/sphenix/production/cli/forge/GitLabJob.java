package gov.bnl.sphenix.production.cli.forge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.Yaml;

/** A job of a {@code .gitlab-ci.yml}, read as GitLab reads it: rules, variables, script lines. */
public final class GitLabJob {

    private final Map<String, Object> pipeline;
    private final Map<String, Object> job;

    private GitLabJob(Map<String, Object> pipeline, Map<String, Object> job) {
        this.pipeline = pipeline;
        this.job = job;
    }

    @SuppressWarnings("unchecked")
    public static GitLabJob read(Path file, String name) {
        try {
            Map<String, Object> pipeline = new Yaml().load(Files.readString(file));
            Map<String, Object> job = (Map<String, Object>) pipeline.get(name);
            if (job == null) {
                throw new AssertionError("no job '" + name + "' in " + file);
            }
            return new GitLabJob(pipeline, job);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The {@code if:} of each rule. */
    @SuppressWarnings("unchecked")
    public List<String> ruleConditions() {
        return ((List<Map<String, Object>>) job.getOrDefault("rules", List.of())).stream()
                .map(rule -> String.valueOf(rule.get("if"))).toList();
    }

    /** The pipeline's {@code variables:} then the job's, as the runner exports them. */
    @SuppressWarnings("unchecked")
    public Map<String, String> variables() {
        Map<String, String> variables = new LinkedHashMap<>();
        ((Map<String, Object>) pipeline.getOrDefault("variables", Map.of())).forEach((k, v) -> variables.put(k, String.valueOf(v)));
        ((Map<String, Object>) job.getOrDefault("variables", Map.of())).forEach((k, v) -> variables.put(k, String.valueOf(v)));
        return variables;
    }

    /** The {@code script:} items, each one shell command (a block item may hold several lines). */
    @SuppressWarnings("unchecked")
    public List<String> script() {
        return (List<String>) job.get("script");
    }
}
