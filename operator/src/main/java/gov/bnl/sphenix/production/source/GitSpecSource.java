package gov.bnl.sphenix.production.source;

import gov.bnl.sphenix.production.spec.tree.SpecTree;
import gov.bnl.sphenix.production.spec.tree.SubdirectoryTree;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.SshTransport;
import org.eclipse.jgit.transport.sshd.SshdSessionFactory;
import org.eclipse.jgit.transport.sshd.SshdSessionFactoryBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The specs repository, followed at one branch. It keeps a bare mirror in a cache directory and
 * fetches the branch with a forced refspec: after a force-push the new head is simply the desired
 * state. Each fetch names a commit; {@link #treeAt} reads the spec files of any fetched commit.
 */
public final class GitSpecSource implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(GitSpecSource.class);

    private final String url;
    private final String branch;
    private final Optional<CredentialsProvider> credentials;
    private final Duration timeout;
    private final Optional<SshdSessionFactory> ssh;
    private final String subdirectory;
    private final Git git;

    /**
     * @param url      file://, http(s):// or a local path of the specs repository
     * @param branch   the branch whose head is the desired state, e.g. {@code main}
     * @param cache    a directory for the bare mirror; reused across restarts
     * @param timeout  network timeout of one fetch
     */
    public GitSpecSource(String url, String branch, Path cache, Optional<CredentialsProvider> credentials,
                         Duration timeout) throws IOException {
        this(url, branch, "", cache, credentials, Optional.empty(), timeout);
    }

    /**
     * @param subdirectory where in the repository the specs are ({@code ""} for the top)
     * @param ssh          the key and known hosts for an {@code ssh://} (or {@code user@host:path}) URL
     */
    public GitSpecSource(String url, String branch, String subdirectory, Path cache,
                         Optional<CredentialsProvider> credentials, Optional<SshIdentity> ssh, Duration timeout)
            throws IOException {
        this.subdirectory = SubdirectoryTree.normalise(subdirectory);
        this.url = Objects.requireNonNull(url, "url");
        this.branch = Objects.requireNonNull(branch, "branch");
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.ssh = ssh.map(GitSpecSource::sessions);
        this.git = openOrInit(cache);
    }

    /** One ssh client per source, using only the given key and known hosts (never the user's ~/.ssh). */
    private static SshdSessionFactory sessions(SshIdentity identity) {
        Path directory = identity.privateKey().toAbsolutePath().getParent();
        return new SshdSessionFactoryBuilder()
                .setHomeDirectory(directory.toFile())
                .setSshDirectory(directory.toFile())
                .setDefaultIdentities(dir -> List.of(identity.privateKey().toAbsolutePath()))
                .setDefaultKnownHostsFiles(dir -> List.of(identity.knownHosts().toAbsolutePath()))
                .setConfigStoreFactory((home, config, user) -> null)
                .build(null);
    }

    private static Git openOrInit(Path cache) throws IOException {
        try {
            if (Files.exists(cache.resolve("HEAD"))) {
                return Git.open(cache.toFile());
            }
            Files.createDirectories(cache);
            return Git.init().setBare(true).setDirectory(cache.toFile()).call();
        } catch (GitAPIException e) {
            throw new IOException("cannot create the git cache in " + cache + ": " + e.getMessage(), e);
        }
    }

    public String url() {
        return url;
    }

    public String branch() {
        return branch;
    }

    /**
     * The name this source goes by in the ledger when none is given: the repository (its
     * user-info redacted), branch and specs sub-directory, e.g.
     * {@code https://git.example.org/sphenix/specs.git@main:run3}.
     */
    public String defaultName() {
        return GitUrls.redact(url) + "@" + branch + (subdirectory.isEmpty() ? "" : ":" + subdirectory);
    }

    /** Fetches the branch; never throws for a network or remote problem. */
    public FetchResult fetch() {
        String tracking = "refs/remotes/origin/" + branch;
        try {
            var fetch = git.fetch()
                    .setRemote(url)
                    .setRefSpecs(new RefSpec("+refs/heads/" + branch + ":" + tracking))
                    .setTimeout((int) Math.max(1, timeout.toSeconds()));
            credentials.ifPresent(fetch::setCredentialsProvider);
            ssh.ifPresent(factory -> fetch.setTransportConfigCallback(transport -> {
                if (transport instanceof SshTransport sshTransport) {
                    sshTransport.setSshSessionFactory(factory);
                }
            }));
            fetch.call();
            ObjectId head = git.getRepository().resolve(tracking);
            if (head == null) {
                return new FetchResult.Failed("branch '" + branch + "' does not exist in " + GitUrls.redact(url));
            }
            return new FetchResult.Fetched(describe(head));
        } catch (GitAPIException | IOException | RuntimeException e) {
            String reason = GitUrls.redact("fetch of " + url + " (" + branch + ") failed: " + rootMessage(e));
            LOG.warn(reason);
            return new FetchResult.Failed(reason);
        }
    }

    /** The spec files of a fetched commit, below the specs sub-directory when there is one. */
    public SpecTree treeAt(Revision revision) {
        return SubdirectoryTree.of(new GitCommitTree(git.getRepository(), revision.commitId()), subdirectory);
    }

    private Revision describe(ObjectId commitId) throws IOException {
        Repository repository = git.getRepository();
        try (RevWalk walk = new RevWalk(repository)) {
            return Revision.of(walk.parseCommit(commitId));
        }
    }

    /**
     * A commit already in the mirror, described as a fetch would (e.g. the revision that was in
     * force before a restart); empty when the mirror does not hold it.
     */
    public Optional<Revision> revision(String commitId) {
        try {
            ObjectId id = git.getRepository().resolve(commitId);
            return id == null ? Optional.empty() : Optional.of(describe(id));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String outer = String.valueOf(e.getMessage());
        String root = String.valueOf(t.getMessage());
        return t == e || outer.contains(root) ? outer : outer + " (" + root + ")";
    }

    @Override
    public void close() {
        ssh.ifPresent(SshdSessionFactory::close);
        git.close();
    }
}
