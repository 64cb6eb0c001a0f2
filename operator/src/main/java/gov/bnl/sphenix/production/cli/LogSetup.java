package gov.bnl.sphenix.production.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.Encoder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How much a command logs, and how. A command tells its story on stdout; the log (stderr) is for
 * what goes wrong, unless {@code --verbose} asks for everything. The long-running commands
 * ({@code run}, {@code operator}) keep their own INFO lines, which are their record, and can write
 * one JSON object per line for a log collector.
 */
final class LogSetup {

    /** The package whose INFO lines a long-running command keeps. */
    private static final String OWN = "gov.bnl.sphenix.production";

    /** Plain lines, or one JSON object per line for a log collector. */
    enum Format { TEXT, JSON }

    /**
     * @param verbose     every logger at INFO
     * @param longRunning the command's own loggers at INFO even without {@code verbose}
     */
    record Choice(boolean verbose, boolean longRunning, Format format) {

        Level root() {
            return verbose ? Level.INFO : Level.WARN;
        }

        Level own() {
            return verbose || longRunning ? Level.INFO : Level.WARN;
        }
    }

    private LogSetup() {
    }

    /** Replaces the logging configuration; nothing when another SLF4J backend is in use (an embedding program's). */
    static void apply(Choice choice) {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return;
        }
        context.reset();
        ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
        stderr.setContext(context);
        stderr.setName("stderr");
        stderr.setTarget("System.err");
        stderr.setEncoder(encoder(context, choice.format()));
        stderr.start();
        ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.addAppender(stderr);
        root.setLevel(choice.root());
        context.getLogger(OWN).setLevel(choice.own());
    }

    private static Encoder<ILoggingEvent> encoder(LoggerContext context, Format format) {
        if (format == Format.JSON) {
            JsonEncoder json = new JsonEncoder();
            json.setContext(context);
            // the message as a reader sees it; the logger context and sequence numbers say nothing to one
            json.setWithFormattedMessage(true);
            json.setWithMessage(false);
            json.setWithArguments(false);
            json.setWithContext(false);
            json.setWithSequenceNumber(false);
            json.setWithNanoseconds(false);
            json.start();
            return json;
        }
        PatternLayoutEncoder text = new PatternLayoutEncoder();
        text.setContext(context);
        text.setPattern("[%thread] %level %logger - %msg%n");
        text.start();
        return text;
    }
}
