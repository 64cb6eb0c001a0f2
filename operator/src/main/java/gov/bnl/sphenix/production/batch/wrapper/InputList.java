package gov.bnl.sphenix.production.batch.wrapper;

import gov.bnl.sphenix.production.batch.InputSlice;
import gov.bnl.sphenix.production.batch.JobSpecs;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;

/**
 * The job's input list, read from its slice of the submission's input bundle (one seek, no matter
 * how big the bundle) and written as {@value JobSpecs#INPUT_LIST} into the payload's working
 * directory.
 */
final class InputList {

    private InputList() {
    }

    /** Writes the list into {@code staging} and returns its entries; no slice means no inputs. */
    static List<String> materialise(Optional<InputSlice> slice, Path staging) throws IOException {
        String text = slice.isPresent() ? read(slice.get()) : "";
        Files.writeString(staging.resolve(JobSpecs.INPUT_LIST), text);
        return text.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    }

    private static String read(InputSlice slice) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(slice.length());
        try (FileChannel channel = FileChannel.open(slice.bundle(), StandardOpenOption.READ)) {
            if (channel.size() < slice.offset() + slice.length()) {
                throw new IOException(slice.bundle() + " is shorter than the slice " + slice);
            }
            while (buffer.hasRemaining()) {
                if (channel.read(buffer, slice.offset() + buffer.position()) < 0) {
                    throw new IOException("unexpected end of " + slice.bundle());
                }
            }
        }
        return new String(buffer.array(), StandardCharsets.UTF_8);
    }
}
