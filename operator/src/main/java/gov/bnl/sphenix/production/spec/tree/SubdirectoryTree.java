package gov.bnl.sphenix.production.spec.tree;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A specs repository kept in a sub-directory of a larger repository: paths are relative to the
 * sub-directory, as if it were the top (messages say {@code productions/x.yaml:3:5} either way).
 */
public final class SubdirectoryTree implements SpecTree {

    private final SpecTree whole;
    private final String prefix;

    private SubdirectoryTree(SpecTree whole, String prefix) {
        this.whole = whole;
        this.prefix = prefix;
    }

    /** {@code whole} itself for an empty path; the path must stay inside the repository. */
    public static SpecTree of(SpecTree whole, String subdirectory) {
        Objects.requireNonNull(whole, "whole");
        String path = normalise(subdirectory);
        return path.isEmpty() ? whole : new SubdirectoryTree(whole, path + "/");
    }

    /**
     * The sub-directory without leading or trailing slashes ({@code ""} for the top); refused when
     * it could leave the repository.
     */
    public static String normalise(String subdirectory) {
        String path = subdirectory == null ? "" : subdirectory.strip();
        while (path.startsWith("/")) {
            path = path.substring(1);
        }
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        if (path.isEmpty()) {
            return path;
        }
        for (String part : path.split("/")) {
            if (part.equals("..") || part.equals(".") || part.isEmpty()) {
                throw new IllegalArgumentException("the specs path '" + subdirectory
                        + "' must name a directory inside the repository, without '.' or '..'");
            }
        }
        return path;
    }

    @Override
    public List<String> files() {
        return whole.files().stream().filter(f -> f.startsWith(prefix)).map(f -> f.substring(prefix.length())).toList();
    }

    @Override
    public Optional<byte[]> read(String path) {
        return whole.read(prefix + path);
    }

    @Override
    public boolean isExecutable(String path) {
        return whole.isExecutable(prefix + path);
    }

    @Override
    public boolean isSymlink(String path) {
        return whole.isSymlink(prefix + path) || whole.isSymlink(prefix.substring(0, prefix.length() - 1));
    }
}
