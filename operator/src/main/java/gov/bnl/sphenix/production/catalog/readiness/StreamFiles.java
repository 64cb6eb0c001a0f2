package gov.bnl.sphenix.production.catalog.readiness;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The raw files of one stream in one run, sorted into usable ones (on disk, by segment) and ones
 * still waiting for transfer or staging. Bad files (status below 0) will never arrive and are
 * left out, so one broken file does not hold a whole run back.
 */
final class StreamFiles {

    private final NavigableMap<Integer, String> onDisk = new TreeMap<>();
    private int waiting;

    static Map<String, StreamFiles> byStream(Collection<RawFile> files) {
        Map<String, StreamFiles> streams = new LinkedHashMap<>();
        for (RawFile file : files) {
            StreamFiles stream = streams.computeIfAbsent(file.stream(), s -> new StreamFiles());
            if (file.onDisk()) {
                stream.onDisk.putIfAbsent(file.segment(), file.filename());
            } else if (file.waiting()) {
                stream.waiting++;
            }
        }
        return streams;
    }

    /** Every file of the stream in the window is on disk, and there is at least one. */
    boolean complete() {
        return waiting == 0 && !onDisk.isEmpty();
    }

    NavigableMap<Integer, String> onDisk() {
        return onDisk;
    }

    List<String> filenames() {
        return new ArrayList<>(onDisk.values());
    }
}
