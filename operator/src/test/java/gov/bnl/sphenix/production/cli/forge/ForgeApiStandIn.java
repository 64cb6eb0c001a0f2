package gov.bnl.sphenix.production.cli.forge;

import gov.bnl.sphenix.production.RepositoryFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Recording stand-ins for the forges' API clients ({@code gh}, {@code curl}): there is no forge
 * here. Each call's arguments are kept, with the content of the file it sends as a body
 * ({@code -F body=@file} for gh, {@code --data @file} for curl); a call that reads (gh with
 * {@code --jq}, curl without {@code --request}) prints the answer the test prepared.
 */
public final class ForgeApiStandIn {

    /** One call: its arguments and the body it sent, if any. */
    public record Call(List<String> arguments, Optional<String> body) {
    }

    private static final String RECORD = """
            #!/usr/bin/env bash
            # records one call: arguments one per line, the sent body beside them
            here="$(dirname "$0")"
            mkdir -p "$here/calls"
            n=$(( $(ls "$here/calls" | grep -c '\\.args$') + 1 ))
            printf '%s\\n' "$@" > "$here/calls/$n.args"
            previous=""
            for argument in "$@"; do
              case "$previous|$argument" in
                *"|body=@"*) cp "${argument#body=@}" "$here/calls/$n.body" ;;
                "--data|@"*) cp "${argument#@}" "$here/calls/$n.body" ;;
              esac
              previous="$argument"
            done
            """;

    private final Path dir;

    private ForgeApiStandIn(Path dir) {
        this.dir = dir;
    }

    /** {@code gh} and {@code curl} in {@code dir}, answering reads with nothing yet. */
    public static ForgeApiStandIn in(Path dir) {
        ForgeShell.executable(dir.resolve("gh"), RECORD + """
                case " $* " in *" --jq "*) cat "$here/answer" ;; esac
                """);
        ForgeShell.executable(dir.resolve("curl"), RECORD + """
                case " $* " in *" --request "*) ;; *) cat "$here/answer" ;; esac
                """);
        ForgeApiStandIn standIn = new ForgeApiStandIn(dir);
        standIn.answerReadsWith("");
        return standIn;
    }

    /** The directory to put first on PATH. */
    public Path dir() {
        return dir;
    }

    /** What a read prints from now on (the comments the forge would list). */
    public void answerReadsWith(String answer) {
        try {
            Files.writeString(dir.resolve("answer"), answer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every call so far, in order; then forgets them. */
    public List<Call> takeCalls() {
        Path calls = dir.resolve("calls");
        List<Call> taken = new ArrayList<>();
        if (!Files.isDirectory(calls)) {
            return taken;
        }
        try (Stream<Path> files = Files.list(calls)) {
            List<Path> args = files.filter(f -> f.toString().endsWith(".args"))
                    .sorted(Comparator.comparingInt(ForgeApiStandIn::number)).toList();
            for (Path file : args) {
                Path body = file.resolveSibling(number(file) + ".body");
                taken.add(new Call(Files.readAllLines(file),
                        Files.exists(body) ? Optional.of(Files.readString(body)) : Optional.empty()));
            }
            RepositoryFiles.deleteTree(calls);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return taken;
    }

    private static int number(Path file) {
        String name = file.getFileName().toString();
        return Integer.parseInt(name.substring(0, name.indexOf('.')));
    }
}
