package gov.bnl.sphenix.production.cli.forge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs steps of a workflow's job as GitHub's runner does for a {@code pull_request} event: the
 * variables GitHub sets ({@code GITHUB_SHA} is the test merge), one {@code RUNNER_TEMP} for the
 * job, an output file and a summary file per step, whose outputs later steps' conditions read.
 */
public final class GitHubRunner {

    /** The pull request as the event describes it. */
    public record PullRequest(int number, String repository, String mergeCommit, List<String> labels) {
    }

    private final GitHubWorkflow workflow;
    private final String job;
    private final ForgeShell shell;
    private final Path runnerTemp;
    private final Map<String, String> outputs = new HashMap<>();
    private final StringBuilder summary = new StringBuilder();
    private PullRequest pullRequest;
    private int steps;

    public GitHubRunner(GitHubWorkflow workflow, String job, ForgeShell shell, Path runnerTemp, PullRequest pullRequest) {
        this.workflow = workflow;
        this.job = job;
        this.shell = shell;
        this.runnerTemp = runnerTemp;
        this.pullRequest = pullRequest;
    }

    /** The labels change, as on a {@code labeled} event. */
    public void labels(List<String> labels) {
        pullRequest = new PullRequest(pullRequest.number(), pullRequest.repository(), pullRequest.mergeCommit(), labels);
    }

    public ForgeShell.Result run(String step) {
        return run(step, Optional.empty());
    }

    /** Runs a step with the forge's API clients replaced by {@code standIn}. */
    public ForgeShell.Result run(String step, ForgeApiStandIn standIn) {
        return run(step, Optional.of(standIn.dir()));
    }

    public GitHubWorkflow.Step step(String name) {
        return workflow.step(job, name);
    }

    /** The outputs the steps run so far wrote ({@code steps.<id>.outputs}). */
    public Map<String, String> outputs() {
        return Map.copyOf(outputs);
    }

    /** The job summary the steps wrote. */
    public String summary() {
        return summary.toString();
    }

    public Path runnerTemp() {
        return runnerTemp;
    }

    private ForgeShell.Result run(String name, Optional<Path> standIns) {
        GitHubWorkflow.Step step = workflow.step(job, name);
        try {
            Path output = Files.createFile(runnerTemp.resolve("_output_" + ++steps));
            Path stepSummary = Files.createFile(runnerTemp.resolve("_summary_" + steps));
            Map<String, String> variables = new HashMap<>(workflow.environment(step, context()));
            variables.putAll(Map.of("CI", "true", "GITHUB_ACTIONS", "true", "GITHUB_EVENT_NAME", "pull_request",
                    "GITHUB_REPOSITORY", pullRequest.repository(), "GITHUB_SHA", pullRequest.mergeCommit(),
                    "GITHUB_REF", "refs/pull/" + pullRequest.number() + "/merge", "RUNNER_TEMP", runnerTemp.toString(),
                    "GITHUB_OUTPUT", output.toString(), "GITHUB_STEP_SUMMARY", stepSummary.toString()));
            ForgeShell.Result result = shell.run(step.run(), variables, standIns);
            for (String line : Files.readAllLines(output)) {
                int eq = line.indexOf('=');
                if (eq > 0) {
                    outputs.put(line.substring(0, eq), line.substring(eq + 1));
                }
            }
            summary.append(Files.readString(stepSummary));
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What GitHub fills in for the expressions the workflow uses; secrets unset, as in a new repository. */
    private Map<String, String> context() {
        Map<String, String> context = new HashMap<>();
        context.put("vars.PRODCTL_GIT_URL", "https://git.example.org/sphenix/production-operator.git");
        context.put("vars.PRODCTL_GIT_REF", "v0.1.0");
        context.put("vars.PRODCTL_PLAN_OPTIONS", "");
        context.put("secrets.PRODOP_CATALOG_URL", "");
        context.put("secrets.PRODOP_CATALOG_USER", "");
        context.put("secrets.PRODOP_CATALOG_PASSWORD", "");
        context.put("github.token", "token-of-this-run");
        context.put("github.repository", pullRequest.repository());
        context.put("github.event.pull_request.number", String.valueOf(pullRequest.number()));
        context.put("join(github.event.pull_request.labels.*.name, ',')", String.join(",", pullRequest.labels()));
        return context;
    }
}
