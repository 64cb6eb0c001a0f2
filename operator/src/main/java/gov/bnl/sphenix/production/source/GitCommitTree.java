package gov.bnl.sphenix.production.source;

import gov.bnl.sphenix.production.spec.tree.SpecTree;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * The files of one commit, read straight from git objects: no checkout, so the operator validates
 * exactly the bytes that were reviewed, and a symlink stays a symlink (git stores its target as a
 * blob with its own file mode) instead of being followed.
 */
public final class GitCommitTree implements SpecTree {

    private static final long MAX_READ = 16L * 1024 * 1024;

    private record Entry(FileMode mode, ObjectId blob) {
    }

    private final Repository repository;
    private final Map<String, Entry> entries = new TreeMap<>();

    public GitCommitTree(Repository repository, String commitId) {
        this.repository = repository;
        try (RevWalk walk = new RevWalk(repository); TreeWalk tree = new TreeWalk(repository)) {
            RevCommit commit = walk.parseCommit(repository.resolve(commitId));
            tree.addTree(commit.getTree());
            tree.setRecursive(true);
            while (tree.next()) {
                entries.put(tree.getPathString(), new Entry(tree.getFileMode(0), tree.getObjectId(0)));
            }
        } catch (IOException | NullPointerException e) {
            throw new IllegalArgumentException("cannot read commit " + commitId + ": " + e.getMessage(), e);
        }
    }

    @Override
    public List<String> files() {
        List<String> files = new ArrayList<>();
        for (Map.Entry<String, Entry> e : entries.entrySet()) {
            if (!isHidden(e.getKey()) && (isRegular(e.getValue().mode()) || e.getValue().mode() == FileMode.SYMLINK)) {
                files.add(e.getKey());
            }
        }
        return files;
    }

    @Override
    public Optional<byte[]> read(String path) {
        Entry entry = entries.get(path);
        if (entry == null || !isRegular(entry.mode()) || isSymlink(path)) {
            return Optional.empty();
        }
        try {
            ObjectLoader loader = repository.open(entry.blob());
            if (loader.getSize() > MAX_READ) {
                return Optional.empty();
            }
            return Optional.of(loader.getBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path + " from git", e);
        }
    }

    @Override
    public boolean isExecutable(String path) {
        Entry entry = entries.get(path);
        return entry != null && entry.mode() == FileMode.EXECUTABLE_FILE && !isSymlink(path);
    }

    @Override
    public boolean isSymlink(String path) {
        String prefix = path;
        while (!prefix.isEmpty()) {
            Entry entry = entries.get(prefix);
            if (entry != null && entry.mode() == FileMode.SYMLINK) {
                return true;
            }
            int slash = prefix.lastIndexOf('/');
            prefix = slash < 0 ? "" : prefix.substring(0, slash);
        }
        return false;
    }

    private static boolean isRegular(FileMode mode) {
        return mode == FileMode.REGULAR_FILE || mode == FileMode.EXECUTABLE_FILE;
    }

    private static boolean isHidden(String path) {
        for (String part : path.split("/")) {
            if (part.startsWith(".")) {
                return true;
            }
        }
        return false;
    }
}
