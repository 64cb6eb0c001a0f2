package gov.bnl.sphenix.production.batch.wrapper;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Objects;

/**
 * What a job did, written by the wrapper next to the job's logs; the operator harvests manifests
 * in bulk into the FileCatalog, so a job never talks to a database. Written to
 * {@code <name>.partial} and renamed, so a reader never sees half a manifest.
 *
 * @param format         {@value #FORMAT}
 * @param jobKey         the job key
 * @param batchId        the batch system's id ({@code 1234.0})
 * @param host           the worker's host name
 * @param exitCode       the wrapper's exit code: the payload's, or {@value JobWrapper#EXIT_OUTPUTS_FAILED}
 *                       when the payload succeeded but its outputs could not be published
 * @param problem        what went wrong, or null
 * @param startedAt      when the payload started (ISO-8601)
 * @param payloadEndedAt when it ended
 * @param endedAt        when the outputs were published
 * @param payloadMillis  payload run time
 * @param publishMillis  time to copy, checksum and rename the outputs
 * @param script         the payload script
 * @param arguments      its arguments
 * @param inputs         the input files, from the input list
 * @param outputs        the published outputs; empty when the payload failed
 */
public record Manifest(String format, String jobKey, String batchId, String host, int exitCode, String problem,
                       String startedAt, String payloadEndedAt, String endedAt, long payloadMillis, long publishMillis,
                       String script, List<String> arguments, List<String> inputs, List<Output> outputs) {

    public static final String FORMAT = "prodop-manifest/1";
    /** FileCatalog's {@code files} table stores md5, so that is what the manifest carries. */
    public static final String CHECKSUM_ALGORITHM = "md5";

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /**
     * One published file. Event numbers come from the payload (its {@code <lfn>.events} file) and
     * are null when it did not say.
     */
    public record Output(String lfn, String path, long size, String checksumAlgorithm, String checksum,
                         Long nevents, Long firstEvent, Long lastEvent) {
        public Output {
            Objects.requireNonNull(lfn, "lfn");
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(checksum, "checksum");
        }
    }

    public Manifest {
        arguments = List.copyOf(arguments);
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
    }

    public boolean succeeded() {
        return exitCode == 0 && problem == null;
    }

    /** Reads a manifest, refusing to follow {@code file} when it is a symlink. */
    public static Manifest read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            return parse(in.readAllBytes());
        }
    }

    /**
     * Parses a manifest. Whatever the bytes hold, the answer is a manifest or an
     * {@link IOException} saying what is wrong: a job writes these files, so they are input, not
     * trusted data (Jackson bounds nesting and string lengths of hostile JSON).
     */
    public static Manifest parse(byte[] json) throws IOException {
        Manifest manifest;
        try {
            manifest = JSON.readValue(json, Manifest.class);
        } catch (RuntimeException e) {
            throw new IOException("not a manifest: " + e.getMessage(), e);
        }
        if (manifest == null || manifest.batchId() == null || manifest.jobKey() == null) {
            throw new IOException("not a manifest: no job key or batch id");
        }
        return manifest;
    }

    /**
     * Writes {@code file} atomically: {@code file.partial} first, then a rename. The log directory
     * is writable by jobs, so no link there is followed: a link at the manifest's name is refused,
     * and the partial file is made new (a link left at its name is removed, never written through).
     */
    public void write(Path file) throws IOException {
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        Files.createDirectories(file.toAbsolutePath().getParent());
        if (Files.isSymbolicLink(file)) {
            throw new IOException(file + " is a symbolic link; a manifest is never written through one");
        }
        Files.deleteIfExists(partial);
        try (OutputStream out = Files.newOutputStream(partial, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                LinkOption.NOFOLLOW_LINKS)) {
            JSON.writeValue(out, this);
        } catch (IOException e) {
            Files.deleteIfExists(partial);
            throw e;
        }
        Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
