package gov.bnl.sphenix.production.cli;

import gov.bnl.sphenix.production.spec.Diagnostics;
import gov.bnl.sphenix.production.spec.yaml.YamlFile;
import gov.bnl.sphenix.production.tools.takeover.SteerFile;
import gov.bnl.sphenix.production.tools.takeover.SteerImport;
import gov.bnl.sphenix.production.tools.takeover.SteerImportReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code prodctl import steer}: a sphenixprod steering file becomes production files. */
@Command(name = "steer", mixinStandardHelpOptions = true,
        description = {"Write a production file into the specs for every rule each host of a sphenixprod steering",
                "file runs (productions/<period>/<host>-<rule>.yaml), and report every setting that has no",
                "equivalent. Files that exist are left alone; the new ones are validated with the whole",
                "repository and written only if all of them are valid. Exit 0: done, 1: a file would not",
                "validate (nothing written), 2: bad usage or an unreadable steering file."})
final class ImportSteerCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "STEERFILE", description = "The steering file (hosts, their rules and"
            + " settings).")
    Path steerFile;

    @Option(names = "--specs", defaultValue = ".", description = "The specs: a checked-out directory (default:"
            + " the current one).")
    Path specs;

    @Option(names = "--host", description = "Only this host's rules (default: every host's).")
    String host;

    @Option(names = "--dry-run", description = "Say what would be written; write nothing.")
    boolean dryRun;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Optional<SteerFile> steer = Files.isDirectory(specs) ? read(err) : refuse(err, specs
                + " is not a directory; give --specs the checked-out specs repository");
        if (steer.isEmpty()) {
            return 2;
        }
        if (host != null && !steer.get().hostNames().contains(host)) {
            refuse(err, steerFile + " has no host " + host + "; it has " + String.join(", ", steer.get().hostNames()));
            return 2;
        }
        SteerImportReport report = new SteerImport(specs).run(steer.get(), Optional.ofNullable(host), dryRun);
        out.print(report.render());
        out.flush();
        return report.valid() ? 0 : 1;
    }

    private Optional<SteerFile> read(PrintWriter err) {
        String text;
        try {
            if (Files.size(steerFile) > YamlFile.MAX_BYTES) {
                return refuse(err, steerFile + " is over the limit of "
                        + YamlFile.MAX_BYTES + " bytes; split it by host");
            }
            text = new String(Files.readAllBytes(steerFile), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return refuse(err, "cannot read " + steerFile + " (" + e.getClass().getSimpleName() + ": "
                    + e.getMessage() + "); give the path of the steering file");
        }
        Diagnostics problems = new Diagnostics();
        Optional<SteerFile> steer = SteerFile.parse(text, steerFile.toString(), problems);
        problems.sorted().forEach(err::println);
        err.flush();
        return steer;
    }

    private static Optional<SteerFile> refuse(PrintWriter err, String problem) {
        err.println("prodctl import steer: " + problem);
        err.flush();
        return Optional.empty();
    }
}
