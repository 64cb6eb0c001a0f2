package gov.bnl.sphenix.production.cli;

import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** {@code --log-format} of the long-running commands; read before the command starts (Prodctl). */
final class LogFormatOption {

    static final String NAME = "--log-format";

    @Option(names = NAME, defaultValue = "text", converter = Words.class,
            description = "text, or json: one JSON object per line, for a log collector (default: ${DEFAULT-VALUE}).")
    LogSetup.Format format;

    /** The format in any case, whether or not the command line allows enums in any case. */
    static final class Words implements ITypeConverter<LogSetup.Format> {
        @Override
        public LogSetup.Format convert(String value) {
            try {
                return LogSetup.Format.valueOf(value.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException("text or json, not '" + value + "'");
            }
        }
    }
}
