package gov.bnl.sphenix.production.control.harvest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The staged files of the directories one harvest pass looks at, by the dbid in their names. Jobs
 * of one product and run group share an output directory, so each directory is listed once per
 * pass, not once per job. Hidden names (a stage-out still copying, {@code .<lfn>.part-<pid>}) and
 * names that are not stage-out names are never indexed: a file is taken only under its final name.
 * It also remembers, for the pass, which names the final directories hold, which directories it
 * made and which staging directories are reached through a link.
 */
final class StagedIndex {

    /** A staged file and what its name says. */
    record Entry(Path path, StageOutName name) {
    }

    /** One staging directory: its stage-out names and its {@code .finished} markers, by dbid. */
    private record Listed(Map<Long, List<Entry>> staged, Map<Long, List<Path>> markers) {
    }

    /**
     * The marker a successful run script touches in its output directory,
     * {@code <logbase>.finished:...:dbid:<dbid>}: it carries nothing the harvest needs, so it only
     * goes once its job is harvested (left, thousands would slow every listing of the directory).
     */
    private static final Pattern FINISHED_MARKER = Pattern.compile("[^:/]+\\.finished:.*:dbid:([0-9]{1,18})");
    /** What every marker's name holds, so that the pattern runs only on names that can be one. */
    private static final String MARKER_PART = ".finished:";

    // concurrent: the jobs of a pass are verified in parallel (reading files is most of a harvest)
    private final Map<Path, Listed> byDirectory = new ConcurrentHashMap<>();
    private final Map<Path, Set<String>> finalNames = new ConcurrentHashMap<>();
    private final Map<Path, Optional<Path>> links = new ConcurrentHashMap<>();
    private final Set<Path> madeDirectories = ConcurrentHashMap.newKeySet();
    private final Map<Route, Boolean> acrossFileSystems = new ConcurrentHashMap<>();

    /** The files of {@code directory} staged with {@code dbid} (none when the directory does not exist). */
    List<Entry> of(Path directory, long dbid) {
        return listed(directory).staged().getOrDefault(dbid, List.of());
    }

    /** The {@code .finished} markers of the job with {@code dbid} in {@code directory}. */
    List<Path> markersOf(Path directory, long dbid) {
        return listed(directory).markers().getOrDefault(dbid, List.of());
    }

    private Listed listed(Path directory) {
        return byDirectory.computeIfAbsent(directory, d -> unchecked(() -> list(d)));
    }

    /**
     * Whether the file's name is in its final directory, listed once per pass: only the harvester
     * writes the final tree, and it records here each name it claims before renaming onto it.
     */
    boolean inFinal(StagedFile file) {
        return finalNames(file.route().finalDirectory()).contains(file.name().lfn());
    }

    /**
     * Counts the file as in the final tree from now on: it is registered and about to be renamed
     * there, so no other file of the pass may take its name meanwhile.
     */
    void claim(StagedFile file) {
        finalNames(file.route().finalDirectory()).add(file.name().lfn());
    }

    /**
     * Renames a claimed file to its target in the final tree, making its directory once per pass.
     * Its name is among the final directory's already: it was claimed when it was taken.
     */
    void rename(StagedFile file) throws IOException {
        makeDirectory(file.route().finalDirectory());
        OutputMove.moveIntoExistingDirectory(file.staged(), file.target());
    }

    /**
     * Before a verified file is registered: when its rename would be a copy (staging and final tree
     * on different file systems), the copy is made now, beside its target under a hidden name, so
     * that a full disk stops the job before anything of it is catalogued. Returns the copy, or
     * nothing when the rename needs no space.
     *
     * @throws NoSpaceLeft when the final tree's file system is full (no hidden copy is left)
     */
    Optional<Path> copyBeside(StagedFile file) throws IOException {
        makeDirectory(file.route().finalDirectory());
        boolean across = acrossFileSystems.computeIfAbsent(file.route(), route -> unchecked(() ->
                OutputMove.acrossFileSystems(route.stagingDirectory(), route.finalDirectory())));
        return across ? Optional.of(OutputMove.copyBeside(file.staged(), file.target())) : Optional.empty();
    }

    /** Renames a copy made by {@link #copyBeside} into place, then removes the staged file (claimed, as for a rename). */
    void commit(Path copy, StagedFile file) throws IOException {
        OutputMove.commit(copy, file.staged(), file.target());
    }

    private void makeDirectory(Path directory) throws IOException {
        if (madeDirectories.add(directory)) {
            try {
                Files.createDirectories(directory);
            } catch (IOException e) {
                madeDirectories.remove(directory);
                throw NoSpaceLeft.isNoSpace(e) ? new NoSpaceLeft(directory, e) : e;
            }
        }
    }

    /** The first link below {@code root} on the way to {@code directory}, looked at once per pass. */
    Optional<Path> linkBelow(Path root, Path directory) {
        return links.computeIfAbsent(directory, d -> Symlinks.below(root, d));
    }

    private Set<String> finalNames(Path directory) {
        return finalNames.computeIfAbsent(directory, d -> unchecked(() -> {
            Set<String> names = ConcurrentHashMap.newKeySet();
            if (Files.isDirectory(d, LinkOption.NOFOLLOW_LINKS)) {
                // there already: a rename into it need not try to make it (a failed mkdir and a stat each)
                madeDirectories.add(d);
                try (DirectoryStream<Path> files = Files.newDirectoryStream(d)) {
                    for (Path file : files) {
                        names.add(file.getFileName().toString());
                    }
                }
            }
            return names;
        }));
    }

    /** A listing that failed is thrown on as unchecked from inside a map's computation; the harvest catches both. */
    private interface Listing<T> {
        T list() throws IOException;
    }

    private static <T> T unchecked(Listing<T> listing) {
        try {
            return listing.list();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Listed list(Path directory) throws IOException {
        Map<Long, List<Entry>> index = new HashMap<>();
        Map<Long, List<Path>> markers = new HashMap<>();
        if (!Files.isDirectory(directory, LinkOption.NOFOLLOW_LINKS)) {
            return new Listed(index, markers);
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory)) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                if (name.startsWith(".")) {
                    continue;
                }
                if (name.contains(MARKER_PART)) {
                    Matcher marker = FINISHED_MARKER.matcher(name);
                    if (marker.matches()) {
                        markers.computeIfAbsent(Long.parseLong(marker.group(1)), k -> new ArrayList<>()).add(file);
                        continue;
                    }
                }
                StageOutName.parse(name).ifPresent(staged ->
                        index.computeIfAbsent(staged.dbid(), k -> new ArrayList<>()).add(new Entry(file, staged)));
            }
        }
        return new Listed(index, markers);
    }
}
