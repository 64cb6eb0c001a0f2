package gov.bnl.sphenix.production.cli;

import gov.bnl.sphenix.production.spec.yaml.DidYouMean;
import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/**
 * The command a user typed, when prodctl has no such command: found before picocli parses, so that
 * {@code prodctl nosuch --help} is the error it is and not the top-level help.
 */
record UnknownCommand(String typed, String closest) {

    /**
     * The first word that is not an option names the command (prodctl's own options take no
     * values); empty when there is none or it is a command.
     */
    static Optional<UnknownCommand> in(String[] args, Collection<String> commands) {
        for (String arg : args) {
            if (arg.startsWith("-")) {
                continue;
            }
            if (commands.contains(arg)) {
                return Optional.empty();
            }
            return Optional.of(new UnknownCommand(arg, commands.stream()
                    .min(Comparator.comparingInt((String c) -> DidYouMean.distance(arg, c)).thenComparing(c -> c))
                    .orElse("help")));
        }
        return Optional.empty();
    }

    String message() {
        return "prodctl: no command '" + typed + "'; did you mean '" + closest + "'? ('prodctl --help' lists the commands)";
    }
}
