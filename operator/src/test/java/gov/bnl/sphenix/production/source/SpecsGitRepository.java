package gov.bnl.sphenix.production.source;

import gov.bnl.sphenix.production.RepositoryFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.ResetCommand;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;

/**
 * A real git repository holding a copy of the example specs, with the operations a physicist
 * does: commit a change (a merged pull request), revert a commit, force-push an older head.
 */
final class SpecsGitRepository implements AutoCloseable {

    private static final PersonIdent PHYSICIST = new PersonIdent("A Physicist", "physicist@example.org");

    private final Path dir;
    private final Git git;

    private SpecsGitRepository(Path dir, Git git) {
        this.dir = dir;
        this.git = git;
    }

    static SpecsGitRepository withExampleSpecs(Path dir) {
        try {
            RepositoryFiles.copyOfProductionSpecs(dir);
            Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call();
            SpecsGitRepository repo = new SpecsGitRepository(dir, git);
            repo.commitAll("Import the example specs");
            return repo;
        } catch (GitAPIException e) {
            throw new IllegalStateException(e);
        }
    }

    Path dir() {
        return dir;
    }

    String url() {
        return dir.toUri().toString();
    }

    Git git() {
        return git;
    }

    RevCommit commitAll(String message) {
        try {
            git.add().addFilepattern(".").call();
            git.add().addFilepattern(".").setUpdate(true).call();
            return git.commit().setMessage(message).setAuthor(PHYSICIST).setCommitter(PHYSICIST).call();
        } catch (GitAPIException e) {
            throw new IllegalStateException(e);
        }
    }

    RevCommit write(String path, String content, String message) {
        try {
            Path file = dir.resolve(path);
            Files.createDirectories(file.getParent());
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return commitAll(message);
    }

    String read(String path) {
        try {
            return Files.readString(dir.resolve(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    RevCommit revert(RevCommit commit) {
        try {
            return git.revert().include(commit).setOurCommitName("main").call();
        } catch (GitAPIException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Moves main back to {@code commit}, as a force-push of an older head would. */
    void forceResetTo(RevCommit commit) {
        try {
            git.reset().setMode(ResetCommand.ResetType.HARD).setRef(commit.getName()).call();
        } catch (GitAPIException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        git.close();
    }
}
