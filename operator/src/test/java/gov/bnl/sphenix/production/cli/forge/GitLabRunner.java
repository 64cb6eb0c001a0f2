package gov.bnl.sphenix.production.cli.forge;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs a job's {@code script:} as GitLab's runner does in a merge request pipeline: every item in
 * one shell, in order, with the predefined variables of a {@code merge_request_event} pipeline.
 * The API stand-in is on PATH only around the item that posts the note.
 */
public final class GitLabRunner {

    /** The merge request as GitLab's predefined variables describe it. */
    public record MergeRequest(int iid, long projectId, String diffBase, String head, List<String> labels) {
    }

    private final GitLabJob job;
    private final ForgeShell shell;

    public GitLabRunner(GitLabJob job, ForgeShell shell) {
        this.job = job;
        this.shell = shell;
    }

    public ForgeShell.Result runScript(MergeRequest mergeRequest, Path checkout, ForgeApiStandIn standIn) {
        StringBuilder script = new StringBuilder();
        for (String item : job.script()) {
            boolean postsNote = item.contains("/notes");
            if (postsNote) {
                script.append("PATH_WITHOUT_STAND_IN=\"$PATH\"; PATH=").append(standIn.dir()).append(":\"$PATH\"\n");
            }
            script.append(item).append('\n');
            if (postsNote) {
                script.append("PATH=\"$PATH_WITHOUT_STAND_IN\"\n");
            }
        }
        Map<String, String> variables = new HashMap<>(job.variables());
        variables.putAll(Map.of("CI", "true", "GITLAB_CI", "true", "CI_PIPELINE_SOURCE", "merge_request_event",
                "CI_API_V4_URL", "https://git.example.org/api/v4", "CI_PROJECT_ID", String.valueOf(mergeRequest.projectId()),
                "CI_PROJECT_DIR", checkout.toString(), "CI_MERGE_REQUEST_IID", String.valueOf(mergeRequest.iid()),
                "CI_MERGE_REQUEST_DIFF_BASE_SHA", mergeRequest.diffBase(), "CI_COMMIT_SHA", mergeRequest.head(),
                "CI_MERGE_REQUEST_LABELS", String.join(",", mergeRequest.labels())));
        variables.put("PRODCTL_NOTE_TOKEN", "token-of-the-project-bot");
        return shell.run(script.toString(), variables, Optional.empty());
    }
}
