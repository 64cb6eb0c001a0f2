package gov.bnl.sphenix.production.batch.wrapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.io.Reader;

/**
 * How many events an output holds, as the payload reports it in {@code <lfn>.events}
 * ({@code nevents=…}, {@code first=…}, {@code last=…}, one per line). The wrapper cannot open ROOT
 * files, and the payload knows anyway. Values are null when the payload did not say.
 */
record EventCounts(Long nevents, Long first, Long last) {

    static final String SUFFIX = ".events";
    static final EventCounts UNKNOWN = new EventCounts(null, null, null);

    static EventCounts read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return UNKNOWN;
        }
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
            p.load(in);
        }
        return new EventCounts(number(p, "nevents", file), number(p, "first", file), number(p, "last", file));
    }

    private static Long number(Properties p, String name, Path file) throws IOException {
        String value = p.getProperty(name);
        if (value == null) {
            return null;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new IOException(file + ": " + name + "='" + value + "' is not a number", e);
        }
    }
}
