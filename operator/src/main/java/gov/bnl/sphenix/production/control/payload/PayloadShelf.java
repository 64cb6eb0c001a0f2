package gov.bnl.sphenix.production.control.payload;

import gov.bnl.sphenix.production.batch.JobDirectories;
import gov.bnl.sphenix.production.spec.Production;
import gov.bnl.sphenix.production.spec.load.PayloadGlob;
import gov.bnl.sphenix.production.spec.tree.SpecTree;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Where jobs find their payload on the shared file system: the files of the spec commit in force,
 * exactly as reviewed, under {@code <root>/<commit id>/<repository-relative path>}, and the
 * operator's worker-side helpers under {@code <root>/helpers/<content hash>/} (what
 * {@code SPHENIXPROD_SCRIPT_PATH} names).
 *
 * <p>A commit's directory is written once and never changed ({@link WriteOnceDirectory}): a job
 * submitted under commit A keeps reading A's script after commit B changed it, because B's files
 * go to B's directory. For the same reason a commit's directory holds the payloads of every
 * production the commit declares, written together: it cannot be added to later. Nothing here
 * deletes an old commit's directory; see docs/batch.md for what may.
 */
public final class PayloadShelf {

    /** The directory under the root holding the helpers, one sub-directory per content. */
    public static final String HELPERS = "helpers";
    private static final Pattern COMMIT_ID = Pattern.compile("[0-9a-f]{40}|[0-9a-f]{64}");

    private final Path root;
    private final WriteOnceDirectory commits;
    private final WriteOnceDirectory helpers;

    /**
     * @param root          the payload root, on a file system the workers mount
     * @param directoryMode the job directories' mode ({@code PRODOP_JOB_DIRECTORY_MODE}); empty: the umask
     * @param clock         tells when a temporary directory was abandoned
     */
    public PayloadShelf(Path root, OptionalInt directoryMode, Clock clock) {
        this.root = root.toAbsolutePath().normalize();
        this.commits = new WriteOnceDirectory(this.root, directoryMode, clock);
        this.helpers = new WriteOnceDirectory(this.root.resolve(HELPERS), directoryMode, clock);
    }

    /**
     * A shelf whose directories get the job directories' mode, {@value JobDirectories#MODE_VARIABLE}
     * of {@code environment}, checked as the job directories check it.
     */
    public static PayloadShelf fromEnvironment(Path root, Map<String, String> environment, Clock clock) {
        String mode = environment.get(JobDirectories.MODE_VARIABLE);
        if (mode == null || mode.isBlank()) {
            return new PayloadShelf(root, OptionalInt.empty(), clock);
        }
        JobDirectories.withMode(mode);
        return new PayloadShelf(root, OptionalInt.of(Integer.parseInt(mode.strip(), 8)), clock);
    }

    public Path root() {
        return root;
    }

    /**
     * The payloads of the productions {@code commitId} declares, on the shelf: written from
     * {@code tree} (that commit's files) when the commit has no directory yet, else found
     * complete. Only regular files of the tree are written, never a link, each with its
     * executable bit from git.
     *
     * @param declared every production the commit declares (its directory is written once, for all of them)
     */
    public ShelvedCommit shelve(String commitId, SpecTree tree, List<Production> declared) {
        if (!COMMIT_ID.matcher(commitId).matches()) {
            throw new PayloadShelfException("'" + commitId + "' is not a full git commit id");
        }
        List<String> treeFiles = tree.files();
        Map<String, List<String>> payloads = new LinkedHashMap<>();
        Set<String> all = new TreeSet<>();
        for (Production p : declared) {
            List<String> taken = PayloadGlob.taken(p.rule().job().payload(), treeFiles);
            payloads.put(p.name(), taken);
            all.addAll(taken);
        }
        WriteOnceDirectory.Shelved shelved = commits.ensure(commitId, () -> read(tree, all, commitId));
        Set<String> missing = new TreeSet<>(all);
        missing.removeAll(shelved.listing().paths());
        if (!missing.isEmpty()) {
            throw new PayloadShelfException(shelved.directory() + " lacks " + missing.size() + " payload file(s) of commit "
                    + commitId + ", first " + missing.iterator().next() + ": it was shelved from another view of the"
                    + " commit (another specs path sharing this payload root?); give each source its own payload root");
        }
        return new ShelvedCommit(commitId, shelved.directory(), payloads);
    }

    /** The directory holding the helpers of this operator's jar, written once per content. */
    public Path helpers() {
        List<ShelfFile> files = WorkerHelpers.files();
        return helpers.ensure(ShelfListing.of(files).contentHash(), () -> files).directory();
    }

    private static List<ShelfFile> read(SpecTree tree, Set<String> paths, String commitId) {
        List<ShelfFile> files = new ArrayList<>();
        for (String path : paths) {
            if (tree.isSymlink(path)) {
                throw new PayloadShelfException("payload file " + path + " of commit " + commitId
                        + " is a symbolic link; only files of the commit are shipped");
            }
            byte[] content = tree.read(path).orElseThrow(() -> new PayloadShelfException("payload file " + path
                    + " is not a regular file of commit " + commitId));
            files.add(new ShelfFile(path, content, tree.isExecutable(path)));
        }
        return files;
    }
}
