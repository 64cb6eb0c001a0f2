package gov.bnl.sphenix.production.control.harvest;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A move into the final tree that failed because its file system is full (ENOSPC, or a quota:
 * EDQUOT). Nothing of the file is left under its final name or its hidden copy's, and the staged
 * file is untouched: the job's outputs wait in staging and move once there is space.
 */
final class NoSpaceLeft extends IOException {

    private static final long serialVersionUID = 1L;

    private final transient Path directory;

    NoSpaceLeft(Path directory, IOException cause) {
        super("no space left in " + directory + " (" + cause.getMessage() + ")", cause);
        this.directory = directory;
    }

    /** The final directory that had no room. */
    Path directory() {
        return directory;
    }

    /**
     * Whether {@code e} says the file system is full. The JDK gives no error code, only the
     * system's words: {@code strerror} of ENOSPC and EDQUOT on Linux.
     */
    static boolean isNoSpace(IOException e) {
        String words = (e instanceof FileSystemException fs && fs.getReason() != null ? fs.getReason() : "")
                + " " + (e.getMessage() == null ? "" : e.getMessage());
        String lower = words.toLowerCase(Locale.ROOT);
        return lower.contains("no space left on device") || lower.contains("disk quota exceeded");
    }
}
