package gov.bnl.sphenix.production.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import gov.bnl.sphenix.production.RepositoryFiles;
import gov.bnl.sphenix.production.cli.forge.ForgeApiStandIn;
import gov.bnl.sphenix.production.cli.forge.ForgeShell;
import gov.bnl.sphenix.production.cli.forge.GitHubRunner;
import gov.bnl.sphenix.production.cli.forge.GitHubWorkflow;
import gov.bnl.sphenix.production.cli.forge.GitLabJob;
import gov.bnl.sphenix.production.cli.forge.GitLabRunner;
import gov.bnl.sphenix.production.cli.forge.PullRequestRepository;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CI that production-specs/ ships, run line for line as GitHub Actions and GitLab CI would run
 * it on a pull request of a real git repository: validate, plan (offline: no catalog secret is
 * set), post the plan as one comment that later pushes edit, and hold back a plan that kills
 * jobs until a maintainer's label approves it. Only the forges' APIs are stand-ins.
 */
class SpecsCiWorkflowsTest {

    private static final Path GITHUB_WORKFLOW = RepositoryFiles.productionSpecs().resolve(".github/workflows/prodctl.yml");
    private static final Path GITLAB_PIPELINE = RepositoryFiles.productionSpecs().resolve(".gitlab-ci.yml");

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String JETS = "productions/run3auau/jets-physics.yaml";
    /** Removed with {@code kill-and-delete-outputs}: a plan that needs approval. */
    private static final String COSMIC_CLUSTERS = "productions/run3cosmics/cluster-cosmics.yaml";
    private static final String MARKER = "<!-- prodctl-plan -->";
    private static final String ONE_ADDED = "plan: 1 added, 0 changed, 0 removed; ? jobs to submit, ? to kill, ? outputs to delete";
    private static final String ONE_REMOVED = "plan: 0 added, 0 changed, 1 removed; ? jobs to submit, ? to kill, ? outputs to delete";

    private static final String VALIDATE = "Validate the specs";
    private static final String PLAN = "Plan the merge";
    private static final String POST = "Post the plan on the pull request";
    private static final String APPROVAL = "Require approval of a change that kills jobs or deletes outputs";

    @Test
    void gitHubValidatesAPullRequestPlansItsMergeAndKeepsOneComment(@TempDir Path dir) throws IOException {
        try (PullRequestRepository repo = PullRequestRepository.fromExampleSpecsWithout(dir.resolve("specs"), JETS, COSMIC_CLUSTERS)) {
            repo.addOnPullRequest(JETS, "Declare the jet production");
            // merged while the pull request was open: a plan of the head alone would call it removed
            repo.addOnMain(COSMIC_CLUSTERS, "Declare cosmic clustering");
            RevCommit merge = repo.testMerge();
            repo.checkOut(merge);
            GitHubRunner github = gitHub(repo, dir, merge, List.of());

            ForgeShell.Result validate = github.run(VALIDATE);
            assertThat(validate.exitCode()).as(validate.describe()).isZero();
            assertThat(lastLine(validate.out())).matches("validate: \\d+ files, 0 errors, \\d+ warnings — valid");

            ForgeShell.Result plan = github.run(PLAN);
            assertThat(plan.exitCode()).as(plan.describe()).isZero();
            assertThat(github.outputs()).containsEntry("status", "0");
            String markdown = Files.readString(github.runnerTemp().resolve("plan.md"));
            assertThat(markdown).startsWith(MARKER + "\n");
            assertThat(lastLine(markdown)).isEqualTo("`" + ONE_ADDED + "`");
            assertThat(plan.out()).contains(ONE_ADDED);
            assertHasSummaryTable(markdown);
            assertThat(github.summary()).contains(markdown);

            ForgeApiStandIn api = ForgeApiStandIn.in(dir.resolve("gh"));
            ForgeShell.Result first = github.run(POST, api);
            assertThat(first.exitCode()).as(first.describe()).isZero();
            List<ForgeApiStandIn.Call> calls = api.takeCalls();
            assertThat(calls).hasSize(2);
            assertThat(calls.get(0).arguments()).contains("repos/sphenix/production-specs/issues/12/comments", "--jq");
            assertThat(calls.get(1).arguments()).containsSubsequence("--method", "POST",
                    "repos/sphenix/production-specs/issues/12/comments");
            assertThat(calls.get(1).body()).contains(markdown);

            // the next push: the bot's comment is found by its marker and edited
            api.answerReadsWith("4242\n");
            ForgeShell.Result again = github.run(POST, api);
            assertThat(again.exitCode()).as(again.describe()).isZero();
            calls = api.takeCalls();
            assertThat(calls).hasSize(2);
            assertThat(calls.get(1).arguments()).containsSubsequence("--method", "PATCH",
                    "repos/sphenix/production-specs/issues/comments/4242");
            assertThat(calls.get(1).body()).contains(markdown);

            assertThat(github.step(APPROVAL).condition()).isEqualTo("steps.plan.outputs.status == '3'");
        }
    }

    @Test
    void gitHubHoldsBackAPlanThatKillsJobsUntilTheApprovalLabel(@TempDir Path dir) throws IOException {
        try (PullRequestRepository repo = PullRequestRepository.fromExampleSpecsWithout(dir.resolve("specs"))) {
            repo.removeOnPullRequest(COSMIC_CLUSTERS, "Stop cosmic clustering");
            RevCommit merge = repo.testMerge();
            repo.checkOut(merge);
            GitHubRunner github = gitHub(repo, dir, merge, List.of("cosmics"));

            ForgeShell.Result plan = github.run(PLAN);
            assertThat(plan.exitCode()).as("exit 3 is a plan to show, not a broken step: " + plan.describe()).isZero();
            assertThat(github.outputs()).containsEntry("status", "3");
            String markdown = Files.readString(github.runnerTemp().resolve("plan.md"));
            assertThat(markdown).startsWith(MARKER + "\n");
            assertThat(lastLine(markdown)).isEqualTo("`" + ONE_REMOVED + "`");

            ForgeApiStandIn api = ForgeApiStandIn.in(dir.resolve("gh"));
            assertThat(github.run(POST, api).exitCode()).isZero();
            assertThat(api.takeCalls().get(1).body()).contains(markdown);

            ForgeShell.Result unapproved = github.run(APPROVAL);
            assertThat(unapproved.exitCode()).isEqualTo(1);
            assertThat(unapproved.out()).contains("::error::merging kills jobs or deletes outputs",
                    "adding the label prodctl-approved");

            github.labels(List.of("cosmics", "prodctl-approved"));
            ForgeShell.Result approved = github.run(APPROVAL);
            assertThat(approved.exitCode()).as(approved.describe()).isZero();
            assertThat(approved.out()).contains("approved by the label prodctl-approved");
        }
    }

    @Test
    void gitLabValidatesAMergeRequestPlansItAndKeepsOneNote(@TempDir Path dir) {
        try (PullRequestRepository repo = PullRequestRepository.fromExampleSpecsWithout(dir.resolve("specs"), JETS)) {
            RevCommit head = repo.addOnPullRequest(JETS, "Declare the jet production");
            repo.checkOut(head);
            GitLabJob job = GitLabJob.read(GITLAB_PIPELINE, "prodctl");
            assertThat(job.ruleConditions()).containsExactly("$CI_PIPELINE_SOURCE == \"merge_request_event\"");
            assertThat(job.variables()).containsEntry("GIT_DEPTH", "0");
            GitLabRunner gitlab = new GitLabRunner(job, ForgeShell.in(repo.dir(), dir.resolve("runner")));
            GitLabRunner.MergeRequest mergeRequest = new GitLabRunner.MergeRequest(12, 345, repo.forkPoint().getName(),
                    head.getName(), List.of());
            ForgeApiStandIn api = ForgeApiStandIn.in(dir.resolve("api"));
            api.answerReadsWith("[{\"id\": 7, \"body\": \"looks good\"}]");

            ForgeShell.Result first = gitlab.runScript(mergeRequest, repo.dir(), api);
            assertThat(first.exitCode()).as(first.describe()).isZero();
            assertThat(first.out()).containsPattern("validate: \\d+ files, 0 errors, \\d+ warnings — valid")
                    .contains(ONE_ADDED);
            String notes = "https://git.example.org/api/v4/projects/345/merge_requests/12/notes";
            List<ForgeApiStandIn.Call> calls = api.takeCalls();
            assertThat(calls).hasSize(2);
            assertThat(calls.get(0).arguments()).contains("PRIVATE-TOKEN: token-of-the-project-bot")
                    .anyMatch(a -> a.startsWith(notes + "?"));
            assertThat(calls.get(1).arguments()).containsSubsequence("--request", "POST").contains(notes);
            String body = noteBody(calls.get(1));
            assertThat(body).startsWith(MARKER + "\n").endsWith("`" + ONE_ADDED + "`\n");
            assertHasSummaryTable(body);

            // the next push: the note with the marker is found and edited, the reviewer's left alone
            api.answerReadsWith("[{\"id\": 7, \"body\": \"looks good\"}, {\"id\": 8, \"body\": "
                    + JSON.valueToTree(body) + "}]");
            ForgeShell.Result again = gitlab.runScript(mergeRequest, repo.dir(), api);
            assertThat(again.exitCode()).as(again.describe()).isZero();
            calls = api.takeCalls();
            assertThat(calls.get(1).arguments()).containsSubsequence("--request", "PUT").contains(notes + "/8");
            assertThat(noteBody(calls.get(1))).isEqualTo(body);
        }
    }

    @Test
    void gitLabHoldsBackAPlanThatKillsJobsUntilTheApprovalLabel(@TempDir Path dir) {
        try (PullRequestRepository repo = PullRequestRepository.fromExampleSpecsWithout(dir.resolve("specs"))) {
            RevCommit head = repo.removeOnPullRequest(COSMIC_CLUSTERS, "Stop cosmic clustering");
            repo.checkOut(head);
            GitLabRunner gitlab = new GitLabRunner(GitLabJob.read(GITLAB_PIPELINE, "prodctl"),
                    ForgeShell.in(repo.dir(), dir.resolve("runner")));
            ForgeApiStandIn api = ForgeApiStandIn.in(dir.resolve("api"));
            api.answerReadsWith("[]");

            ForgeShell.Result unapproved = gitlab.runScript(new GitLabRunner.MergeRequest(12, 345,
                    repo.forkPoint().getName(), head.getName(), List.of("cosmics")), repo.dir(), api);
            assertThat(unapproved.exitCode()).as(unapproved.describe()).isEqualTo(1);
            assertThat(unapproved.out()).contains(ONE_REMOVED, "adding the label prodctl-approved");
            assertThat(noteBody(api.takeCalls().get(1))).startsWith(MARKER + "\n").endsWith("`" + ONE_REMOVED + "`\n");

            ForgeShell.Result approved = gitlab.runScript(new GitLabRunner.MergeRequest(12, 345,
                    repo.forkPoint().getName(), head.getName(), List.of("cosmics", "prodctl-approved")), repo.dir(), api);
            assertThat(approved.exitCode()).as(approved.describe()).isZero();
            assertThat(approved.out()).contains("approved by the label prodctl-approved");
        }
    }

    @Test
    void gitHubRunsOnEveryPullRequestAndKeepsExpressionsOutOfScripts() {
        GitHubWorkflow workflow = GitHubWorkflow.read(GITHUB_WORKFLOW);
        assertThat(workflow.triggers()).containsOnlyKeys("pull_request");
        assertThat(workflow.triggers().get("pull_request")).isEqualTo(Map.of("types",
                List.of("opened", "synchronize", "reopened", "labeled", "unlabeled")));
        assertThat(workflow.document().get("permissions")).isEqualTo(Map.of("contents", "read", "pull-requests", "write"));
        // a branch name or title spliced into a script could run as shell; variables cannot
        for (String step : List.of("Install prodctl", VALIDATE, PLAN, POST, APPROVAL)) {
            assertThat(workflow.step("plan", step).run()).as(step).doesNotContain("${{");
        }
    }

    private static GitHubRunner gitHub(PullRequestRepository repo, Path dir, RevCommit merge, List<String> labels)
            throws IOException {
        Path runnerTemp = Files.createDirectories(dir.resolve("runner-temp"));
        return new GitHubRunner(GitHubWorkflow.read(GITHUB_WORKFLOW), "plan", ForgeShell.in(repo.dir(), dir.resolve("runner")),
                runnerTemp, new GitHubRunner.PullRequest(12, "sphenix/production-specs", merge.getName(), labels));
    }

    private static String noteBody(ForgeApiStandIn.Call call) {
        try {
            return JSON.readTree(call.body().orElseThrow()).get("body").asText();
        } catch (IOException e) {
            throw new AssertionError("the note is not JSON: " + call.body(), e);
        }
    }

    /** A markdown table (header and separator rows) before any folded details. */
    private static void assertHasSummaryTable(String markdown) {
        List<String> lines = markdown.lines().toList();
        int separator = -1;
        for (int i = 1; i < lines.size() && separator < 0; i++) {
            if (lines.get(i).matches("\\|(\\s*:?-+:?\\s*\\|)+") && lines.get(i - 1).startsWith("|")) {
                separator = i;
            }
        }
        assertThat(separator).as("a summary table in:\n" + markdown).isPositive();
        int details = IntStream.range(0, lines.size()).filter(i -> lines.get(i).startsWith("<details"))
                .findFirst().orElse(-1);
        assertThat(details < 0 || details > separator).as("the table comes before the details").isTrue();
    }

    private static String lastLine(String text) {
        List<String> lines = text.lines().filter(l -> !l.isBlank()).toList();
        return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
    }
}
