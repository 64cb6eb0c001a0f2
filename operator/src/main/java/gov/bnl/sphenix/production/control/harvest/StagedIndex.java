package gov.bnl.sphenix.production.control.harvest;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The staged files of the directories one harvest pass looks at, by the dbid in their names. Jobs
 * of one product and run group share an output directory, so each directory is listed once per
 * pass, not once per job. Hidden names (a stage-out still copying, {@code .<lfn>.part-<pid>}) and
 * names that are not stage-out names are never indexed: a file is taken only under its final name.
 */
final class StagedIndex {

    /** A staged file and what its name says. */
    record Entry(Path path, StageOutName name) {
    }

    private final Map<Path, Map<Long, List<Entry>>> byDirectory = new HashMap<>();

    /** The files of {@code directory} staged with {@code dbid} (none when the directory does not exist). */
    List<Entry> of(Path directory, long dbid) throws IOException {
        Map<Long, List<Entry>> index = byDirectory.get(directory);
        if (index == null) {
            index = list(directory);
            byDirectory.put(directory, index);
        }
        return index.getOrDefault(dbid, List.of());
    }

    private static Map<Long, List<Entry>> list(Path directory) throws IOException {
        Map<Long, List<Entry>> index = new HashMap<>();
        if (!Files.isDirectory(directory, LinkOption.NOFOLLOW_LINKS)) {
            return index;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory)) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                if (name.startsWith(".")) {
                    continue;
                }
                StageOutName.parse(name).ifPresent(staged ->
                        index.computeIfAbsent(staged.dbid(), k -> new ArrayList<>()).add(new Entry(file, staged)));
            }
        }
        return index;
    }
}
