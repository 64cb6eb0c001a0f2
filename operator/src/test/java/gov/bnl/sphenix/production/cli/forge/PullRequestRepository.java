package gov.bnl.sphenix.production.cli.forge;

import gov.bnl.sphenix.production.RepositoryFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.MergeCommand;
import org.eclipse.jgit.api.MergeResult;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;

/**
 * A specs repository with a pull request open against {@code main}, as a forge's runner checks it
 * out: the fork point, the pull request's head on its own branch, {@code main} possibly moved on
 * since, and the test merge of the two that GitHub builds for every pull request.
 */
public final class PullRequestRepository implements AutoCloseable {

    private static final PersonIdent PHYSICIST = new PersonIdent("A Physicist", "physicist@example.org");

    private final Path dir;
    private final Git git;
    private final RevCommit forkPoint;
    private RevCommit head;

    private PullRequestRepository(Path dir, Git git, RevCommit forkPoint) {
        this.dir = dir;
        this.git = git;
        this.forkPoint = forkPoint;
        this.head = forkPoint;
    }

    /**
     * The example specs without {@code absent} (paths relative to them), committed on {@code main},
     * with the branch {@code pull-request} starting there.
     */
    public static PullRequestRepository fromExampleSpecsWithout(Path dir, String... absent) {
        try {
            RepositoryFiles.copyOfProductionSpecs(dir);
            for (String path : absent) {
                Files.delete(dir.resolve(path));
            }
            Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call();
            // the test merge is committed by the forge, not by whoever runs the tests
            git.getRepository().getConfig().setString("user", null, "name", "Forge");
            git.getRepository().getConfig().setString("user", null, "email", "forge@example.org");
            git.getRepository().getConfig().save();
            RevCommit forkPoint = commitAll(git, "The specs in force");
            git.branchCreate().setName("pull-request").setStartPoint(forkPoint).call();
            return new PullRequestRepository(dir, git, forkPoint);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GitAPIException e) {
            throw new IllegalStateException(e);
        }
    }

    public Path dir() {
        return dir;
    }

    /** Where the pull request's branch left {@code main}: GitLab's diff base. */
    public RevCommit forkPoint() {
        return forkPoint;
    }

    /** The last commit of the pull request. */
    public RevCommit head() {
        return head;
    }

    /** A commit on the pull request's branch bringing {@code path} back from the example specs. */
    public RevCommit addOnPullRequest(String path, String message) {
        return onBranch("pull-request", () -> copyFromExample(path), message);
    }

    /** A commit on the pull request's branch deleting {@code path}. */
    public RevCommit removeOnPullRequest(String path, String message) {
        return onBranch("pull-request", () -> delete(path), message);
    }

    /** Someone else's pull request, merged into {@code main} after this one branched off. */
    public RevCommit addOnMain(String path, String message) {
        return onBranch("main", () -> copyFromExample(path), message);
    }

    /**
     * GitHub's test merge ({@code refs/pull/N/merge}): {@code main}'s tip merged with the pull
     * request's head, a merge commit even when a fast-forward would do. {@code main} itself does
     * not move.
     */
    public RevCommit testMerge() {
        try (RevWalk walk = new RevWalk(git.getRepository())) {
            RevCommit tip = walk.parseCommit(git.getRepository().resolve("main"));
            git.checkout().setName(tip.getName()).call();
            MergeResult merged = git.merge().include(head).setFastForward(MergeCommand.FastForwardMode.NO_FF)
                    .setMessage("Merge " + head.getName() + " into " + tip.getName()).call();
            if (!merged.getMergeStatus().isSuccessful()) {
                throw new IllegalStateException("the pull request does not merge into main: " + merged.getMergeStatus());
            }
            return walk.parseCommit(merged.getNewHead());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GitAPIException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A detached checkout of {@code commit}, as a runner leaves the working tree. */
    public void checkOut(RevCommit commit) {
        try {
            git.checkout().setName(commit.getName()).call();
        } catch (GitAPIException e) {
            throw new IllegalStateException(e);
        }
    }

    private RevCommit onBranch(String branch, Runnable change, String message) {
        try {
            git.checkout().setName(branch).call();
            change.run();
            RevCommit commit = commitAll(git, message);
            if (branch.equals("pull-request")) {
                head = commit;
            }
            return commit;
        } catch (GitAPIException e) {
            throw new IllegalStateException(e);
        }
    }

    private void copyFromExample(String path) {
        try {
            Files.createDirectories(dir.resolve(path).getParent());
            Files.copy(RepositoryFiles.productionSpecs().resolve(path), dir.resolve(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void delete(String path) {
        try {
            Files.delete(dir.resolve(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static RevCommit commitAll(Git git, String message) throws GitAPIException {
        git.add().addFilepattern(".").call();
        git.add().addFilepattern(".").setUpdate(true).call();
        return git.commit().setMessage(message).setAuthor(PHYSICIST).setCommitter(PHYSICIST).call();
    }

    @Override
    public void close() {
        git.close();
    }
}
