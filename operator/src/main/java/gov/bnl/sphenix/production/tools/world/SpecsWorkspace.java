package gov.bnl.sphenix.production.tools.world;

import gov.bnl.sphenix.production.spec.load.SpecLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;

/**
 * A specs repository as the production team works with it: a shared bare repository (what the
 * operator follows) and a working copy in which changes are committed and pushed to {@code main},
 * the way a merged pull request lands. Also what a revert of a merged change looks like.
 */
public final class SpecsWorkspace implements AutoCloseable {

    public static final String BRANCH = "main";

    private final Path shared;
    private final Git work;
    private final PersonIdent author = new PersonIdent("sPHENIX production shift", "shift@sphenix.invalid");

    private SpecsWorkspace(Path shared, Git work) {
        this.shared = shared;
        this.work = work;
    }

    /** A new shared repository under {@code root} and a working copy of it. */
    public static SpecsWorkspace create(Path root) throws IOException {
        Path shared = root.resolve("specs.git");
        Path workDir = root.resolve("specs-work");
        try {
            Git.init().setBare(true).setInitialBranch(BRANCH).setDirectory(shared.toFile()).call().close();
            Git work = Git.init().setInitialBranch(BRANCH).setDirectory(workDir.toFile()).call();
            work.remoteAdd().setName("origin").setUri(new org.eclipse.jgit.transport.URIish(shared.toUri().toString())).call();
            return new SpecsWorkspace(shared, work);
        } catch (GitAPIException | java.net.URISyntaxException e) {
            throw new IOException("cannot create the specs repository in " + root + ": " + e.getMessage(), e);
        }
    }

    /** What the operator fetches. */
    public String url() {
        return shared.toUri().toString();
    }

    public Path workingCopy() {
        return work.getRepository().getWorkTree().toPath();
    }

    /**
     * Copies what a specs directory holds besides its productions — the product catalogue, the rule
     * sets with their payloads, the run lists — into the working copy (without committing).
     */
    public void importRulesAndCatalogue(Path specsDirectory) throws IOException {
        copyTree(specsDirectory.resolve("rules"), "rules");
        if (Files.isDirectory(specsDirectory.resolve("runlists"))) {
            copyTree(specsDirectory.resolve("runlists"), "runlists");
        }
        Files.copy(specsDirectory.resolve(SpecLoader.CATALOGUE), workingCopy().resolve(SpecLoader.CATALOGUE),
                StandardCopyOption.REPLACE_EXISTING);
    }

    /** Copies a directory tree into the working copy (without committing). */
    public void copyTree(Path from, String into) throws IOException {
        copyTree(from, into, path -> false);
    }

    /** Copies a directory tree into the working copy, but for the paths {@code left} says to leave (relative to {@code from}). */
    public void copyTree(Path from, String into, java.util.function.Predicate<Path> left) throws IOException {
        Path target = workingCopy().resolve(into);
        try (Stream<Path> files = Files.walk(from)) {
            for (Path source : (Iterable<Path>) files::iterator) {
                Path relative = from.relativize(source);
                if (!relative.toString().isEmpty() && left.test(relative)) {
                    continue;
                }
                Path dest = target.resolve(relative.toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(dest);
                } else {
                    Files.copy(source, dest, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    /** Commits everything in the working copy and pushes it to {@code main}: a merged pull request. */
    public RevCommit commitAndPush(String message) throws IOException {
        try {
            work.add().addFilepattern(".").call();
            work.add().addFilepattern(".").setUpdate(true).call();
            RevCommit commit = work.commit().setMessage(message).setAuthor(author).setCommitter(author).call();
            push();
            return commit;
        } catch (GitAPIException e) {
            throw new IOException("cannot commit '" + message + "': " + e.getMessage(), e);
        }
    }

    /** {@code git revert <commit>} and push: how a production is stopped. */
    public RevCommit revertAndPush(RevCommit commit) throws IOException {
        try {
            RevCommit revert = work.revert().include(commit).call();
            if (revert == null) {
                throw new IOException("reverting " + commit.getName() + " did not apply cleanly");
            }
            push();
            return revert;
        } catch (GitAPIException e) {
            throw new IOException("cannot revert " + commit.getName() + ": " + e.getMessage(), e);
        }
    }

    /** Moves {@code main} back to {@code commit} and force-pushes: history rewritten under the operator's feet. */
    public void resetAndForcePush(RevCommit commit) throws IOException {
        try {
            work.reset().setMode(org.eclipse.jgit.api.ResetCommand.ResetType.HARD).setRef(commit.getName()).call();
            work.push().setRemote("origin").add("+HEAD:refs/heads/" + BRANCH).setForce(true).call();
        } catch (GitAPIException e) {
            throw new IOException("cannot force-push " + commit.getName() + ": " + e.getMessage(), e);
        }
    }

    /** Writes one file of the working copy (without committing). */
    public void write(String path, String content) throws IOException {
        Path dest = workingCopy().resolve(path);
        Files.createDirectories(dest.getParent());
        Files.writeString(dest, content);
    }

    /** The commit {@code main} points at in the working copy. */
    public RevCommit head() throws IOException {
        try (org.eclipse.jgit.revwalk.RevWalk walk = new org.eclipse.jgit.revwalk.RevWalk(work.getRepository())) {
            return walk.parseCommit(work.getRepository().resolve("HEAD"));
        }
    }

    private void push() throws GitAPIException {
        work.push().setRemote("origin").add("HEAD:refs/heads/" + BRANCH).setForce(false).call();
    }

    @Override
    public void close() {
        work.close();
    }
}
