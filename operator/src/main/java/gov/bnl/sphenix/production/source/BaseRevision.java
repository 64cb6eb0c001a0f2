package gov.bnl.sphenix.production.source;

import gov.bnl.sphenix.production.spec.ValidationReport;
import gov.bnl.sphenix.production.spec.load.SpecLoader;
import gov.bnl.sphenix.production.spec.tree.SubdirectoryTree;
import java.io.IOException;
import java.nio.file.Path;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * The specs as an earlier revision of a local clone has them: what a pull request is compared
 * against ({@code prodctl validate --base main}). Read from git objects, so the working tree may
 * hold any change; a specs directory below the top of the clone is read as the same sub-directory
 * of the revision.
 */
public final class BaseRevision {

    private BaseRevision() {
    }

    /**
     * Loads the specs of {@code revision} (a commit, branch or tag as git names it) of the clone that
     * {@code specsRoot} lies in.
     *
     * @throws IllegalArgumentException saying why, when there is no clone or no such revision
     */
    public static ValidationReport load(Path specsRoot, String revision) {
        Path root = specsRoot.toAbsolutePath().normalize();
        FileRepositoryBuilder builder = new FileRepositoryBuilder().readEnvironment().findGitDir(root.toFile());
        if (builder.getGitDir() == null) {
            throw new IllegalArgumentException(root + " is not in a git repository, so it has no revision "
                    + revision + " to compare with");
        }
        try (Repository repository = builder.build()) {
            if (repository.resolve(revision + "^{commit}") == null) {
                throw new IllegalArgumentException("revision " + revision + " is not in the git repository of " + root);
            }
            Path top = repository.getWorkTree().toPath().toRealPath();
            String subdirectory = top.relativize(root.toRealPath()).toString().replace('\\', '/');
            return SpecLoader.load(SubdirectoryTree.of(new GitCommitTree(repository, revision), subdirectory));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read revision " + revision + " of " + root + ": " + e.getMessage(),
                    e);
        }
    }
}
