package gov.bnl.sphenix.production.source;

import gov.bnl.sphenix.production.spec.load.SpecLoader;
import gov.bnl.sphenix.production.spec.tree.DirectoryTree;
import gov.bnl.sphenix.production.spec.tree.SpecTree;
import gov.bnl.sphenix.production.spec.tree.SubdirectoryTree;
import gov.bnl.sphenix.production.spec.ValidationReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * A specs repository checked out on disk, as a pull request's CI or an author's laptop has it:
 * its working tree, and its commits by any name git understands ({@code HEAD~1},
 * {@code origin/main}, a commit id). The specs may sit in a sub-directory of the repository.
 */
public final class CheckedOutSpecs implements AutoCloseable {

    /** Specs read at one revision; {@code commit} is empty for the working tree. */
    public record Loaded(String label, Optional<Revision> commit, ValidationReport report) {
    }

    private final Path directory;
    private final Optional<Repository> repository;
    private final String subdirectory;

    private CheckedOutSpecs(Path directory, Optional<Repository> repository, String subdirectory) {
        this.directory = directory;
        this.repository = repository;
        this.subdirectory = subdirectory;
    }

    /** The specs in {@code directory}; its git repository, when it is inside one, gives the commits. */
    public static CheckedOutSpecs open(Path directory) {
        Path dir = directory.toAbsolutePath().normalize();
        FileRepositoryBuilder builder = new FileRepositoryBuilder().findGitDir(dir.toFile());
        if (builder.getGitDir() == null) {
            return new CheckedOutSpecs(dir, Optional.empty(), "");
        }
        try {
            Repository repository = builder.setMustExist(true).build();
            Path top = repository.getWorkTree().toPath().toAbsolutePath().normalize();
            String sub = top.relativize(dir).toString().replace('\\', '/');
            return new CheckedOutSpecs(dir, Optional.of(repository), sub);
        } catch (IOException | IllegalStateException e) {
            // a bare repository or one git cannot read: the working tree alone
            return new CheckedOutSpecs(dir, Optional.empty(), "");
        }
    }

    public boolean hasCommits() {
        return repository.isPresent();
    }

    /** The specs as they are on disk, committed or not. */
    public Loaded workingTree() {
        return new Loaded("the working tree", Optional.empty(), SpecLoader.load(new DirectoryTree(directory)));
    }

    /**
     * The specs at a revision.
     *
     * @throws IllegalArgumentException when git knows no commit by that name, or there is no git
     */
    public Loaded at(String name) {
        Revision revision = resolve(name);
        Repository repo = repository.orElseThrow();
        // a name that is the commit id itself says nothing more: 6fd0e6e, not 6fd0e6e (6fd0e6eb...)
        String label = revision.commitId().startsWith(name.toLowerCase(Locale.ROOT)) ? revision.shortId()
                : revision.shortId() + " (" + name + ")";
        return new Loaded(label, Optional.of(revision),
                SpecLoader.load(SubdirectoryTree.of(new GitCommitTree(repo, revision.commitId()), subdirectory)));
    }

    /** The files {@code loaded} was read from: the working tree, or its commit's (to point at a line of them). */
    public SpecTree tree(Loaded loaded) {
        return loaded.commit().map(c -> SubdirectoryTree.of(new GitCommitTree(repository.orElseThrow(), c.commitId()),
                subdirectory)).orElseGet(() -> new DirectoryTree(directory));
    }

    /** The commit a name means. */
    public Revision resolve(String name) {
        Repository repo = repository.orElseThrow(() -> new IllegalArgumentException(
                directory + " is not in a git repository: only its working tree can be read"));
        try (RevWalk walk = new RevWalk(repo)) {
            ObjectId id = repo.resolve(name + "^{commit}");
            if (id == null) {
                throw new IllegalArgumentException("git knows no commit '" + name + "' in " + repo.getWorkTree()
                        + " (fetch it first, e.g. git fetch origin main, or give a commit id)");
            }
            return Revision.of(walk.parseCommit(id));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read commit '" + name + "'", e);
        }
    }

    /** The first parent of a commit, if it has one. */
    public Optional<Revision> firstParent(Revision commit) {
        Repository repo = repository.orElseThrow();
        try (RevWalk walk = new RevWalk(repo)) {
            RevCommit c = walk.parseCommit(repo.resolve(commit.commitId()));
            return c.getParentCount() == 0 ? Optional.empty() : Optional.of(Revision.of(walk.parseCommit(c.getParent(0))));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the parent of " + commit.shortId(), e);
        }
    }

    /** Whether git knows this commit (a revision in force the clone has not fetched is not known). */
    public boolean knows(String commitId) {
        try {
            return repository.isPresent() && repository.get().resolve(commitId + "^{commit}") != null;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    @Override
    public void close() {
        repository.ifPresent(Repository::close);
    }
}
