package gov.bnl.sphenix.production.batch.wrapper;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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

    public static Manifest read(Path file) throws IOException {
        return JSON.readValue(file.toFile(), Manifest.class);
    }

    /** Writes {@code file} atomically: {@code file.partial} first, then a rename. */
    public void write(Path file) throws IOException {
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        Files.createDirectories(file.toAbsolutePath().getParent());
        JSON.writeValue(partial.toFile(), this);
        Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
