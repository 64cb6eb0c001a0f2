package gov.bnl.sphenix.production.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.sql.SQLException;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * A command that ends on a condition it can name says it in one line, {@code prodctl <command>:
 * <what went wrong>}, and exits 2 for bad input or 1 otherwise; the stack trace is for
 * {@code --verbose} and for what nobody named (a bug), which keeps it.
 */
final class NamedFailures implements IExecutionExceptionHandler {

    private final boolean verbose;

    NamedFailures(boolean verbose) {
        this.verbose = verbose;
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine command, ParseResult parsed) throws Exception {
        Optional<String> named = describe(e);
        if (named.isEmpty()) {
            throw e;
        }
        PrintWriter err = command.getErr();
        err.println(command.getCommandSpec().qualifiedName() + ": " + named.get());
        if (verbose) {
            e.printStackTrace(err);
        }
        err.flush();
        return e instanceof IllegalArgumentException ? 2 : 1;
    }

    /** What a user is told; empty for an exception without a message or one that is a bug. */
    static Optional<String> describe(Throwable e) {
        // these say only the path in their message
        if (e instanceof NoSuchFileException missing) {
            return Optional.of("no such file or directory: " + missing.getFile());
        }
        if (e instanceof FileAlreadyExistsException inTheWay) {
            return Optional.of("a file is in the way: " + inTheWay.getFile());
        }
        if (e instanceof AccessDeniedException denied) {
            return Optional.of("permission denied: " + denied.getFile());
        }
        if (e instanceof UncheckedIOException unchecked) {
            return describe(unchecked.getCause());
        }
        boolean named = e instanceof IllegalStateException || e instanceof IllegalArgumentException
                || e instanceof IOException || e instanceof SQLException;
        return named && e.getMessage() != null && !e.getMessage().isBlank() ? Optional.of(e.getMessage()) : Optional.empty();
    }
}
