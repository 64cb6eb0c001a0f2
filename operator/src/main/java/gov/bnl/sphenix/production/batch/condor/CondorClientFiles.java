package gov.bnl.sphenix.production.batch.condor;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The files HTCondor's tools will read, found from the variables they read themselves:
 * {@code CONDOR_CONFIG} (the configuration file) and {@code _CONDOR_SEC_TOKEN_DIRECTORY} (the
 * IDTOKENS of {@code SEC_TOKEN_DIRECTORY}). The operator passes both to the tools unchanged; it
 * reads them only to say, before the first tool fails with "failed to authenticate", what the
 * tools would find. A token file counts as HTCondor counts it: a regular file owned by the user the
 * tools run as and readable by nobody else; HTCondor skips any other (a Secret mounted as it is
 * belongs to root, which is why the chart copies the tokens first).
 *
 * @param config         the configuration file, when {@code CONDOR_CONFIG} names one
 * @param tokenDirectory the token directory, when {@code _CONDOR_SEC_TOKEN_DIRECTORY} names one
 * @param uid            the user the tools run as
 */
public record CondorClientFiles(Optional<Path> config, Optional<Path> tokenDirectory, int uid) {

    public static final String CONFIG_VARIABLE = "CONDOR_CONFIG";
    public static final String TOKEN_DIRECTORY_VARIABLE = "_CONDOR_SEC_TOKEN_DIRECTORY";
    private static final Set<PosixFilePermission> OTHERS = Set.of(PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE);

    /** What {@code environment} names, for tools run as {@code uid}. */
    public static CondorClientFiles of(Map<String, String> environment, int uid) {
        return new CondorClientFiles(path(environment.get(CONFIG_VARIABLE)),
                path(environment.get(TOKEN_DIRECTORY_VARIABLE)), uid);
    }

    /** What this process's environment names, for tools run as this process's user. */
    public static CondorClientFiles ofThisProcess() {
        int uid;
        try {
            uid = (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
        } catch (IOException | UnsupportedOperationException e) {
            // no /proc (not Linux): the owner of a token file cannot be compared, only its mode
            uid = -1;
        }
        return of(System.getenv(), uid);
    }

    private static Optional<Path> path(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(Path.of(value.strip()));
    }

    /** The token files HTCondor will use. */
    public List<Path> tokens() {
        return tokenDirectory.map(this::usableTokens).orElse(List.of());
    }

    /** Why the tools will not work as configured; empty when nothing is wrong that a file can show. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        config.filter(file -> !Files.isRegularFile(file) || !Files.isReadable(file)).ifPresent(file ->
                problems.add(CONFIG_VARIABLE + " names " + file + ", which is not a readable file"));
        if (tokenDirectory.isPresent()) {
            Path directory = tokenDirectory.get();
            if (!Files.isDirectory(directory)) {
                problems.add(TOKEN_DIRECTORY_VARIABLE + " names " + directory + ", which is not a directory");
            } else {
                int usable = 0;
                for (Path file : entries(directory)) {
                    Optional<String> skipped = reason(file);
                    skipped.ifPresent(why -> problems.add("HTCondor skips the token file " + file + ": " + why));
                    usable += skipped.isEmpty() ? 1 : 0;
                }
                if (usable == 0) {
                    problems.add(TOKEN_DIRECTORY_VARIABLE + " names " + directory
                            + ", which holds no token HTCondor will use (IDTOKENS authentication will fail)");
                }
            }
        }
        return problems;
    }

    /** One line for the operator's start: which configuration and how many tokens the tools get. */
    public String describe() {
        return "HTCondor tools: configuration " + config.map(Path::toString).orElse("of their own (CONDOR_CONFIG unset)")
                + ", IDTOKENS " + tokenDirectory.map(d -> tokens().size() + " in " + d)
                .orElse("of their own (_CONDOR_SEC_TOKEN_DIRECTORY unset)");
    }

    private List<Path> usableTokens(Path directory) {
        return entries(directory).stream().filter(file -> reason(file).isEmpty()).toList();
    }

    /** Why HTCondor will not read {@code file} as a token file (its read_secure_file checks), or empty. */
    private Optional<String> reason(Path file) {
        try {
            if (!Files.isRegularFile(file)) {
                return Optional.of("not a regular file");
            }
            int owner = (Integer) Files.getAttribute(file, "unix:uid");
            if (uid >= 0 && owner != uid) {
                return Optional.of("owned by uid " + owner + ", not by the tools' uid " + uid);
            }
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
            if (permissions.stream().anyMatch(OTHERS::contains)) {
                return Optional.of("readable or writable by others (mode " + Integer.toOctalString(mode(permissions))
                        + "; HTCondor wants 600)");
            }
            return Optional.empty();
        } catch (IOException | UnsupportedOperationException e) {
            return Optional.of("cannot be examined: " + e.getMessage());
        }
    }

    private static List<Path> entries(Path directory) {
        List<Path> files = new ArrayList<>();
        // a Secret volume's own entries (..data and its timestamped directory) are not tokens
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory,
                p -> !p.getFileName().toString().startsWith("."))) {
            stream.forEach(files::add);
        } catch (IOException e) {
            return List.of();
        }
        files.sort(null);
        return files;
    }

    private static int mode(Set<PosixFilePermission> permissions) {
        int mode = 0;
        for (PosixFilePermission p : permissions) {
            mode |= 1 << (8 - p.ordinal());
        }
        return mode;
    }
}
