package gov.bnl.sphenix.production.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import gov.bnl.sphenix.production.cli.plan.PlanWords;
import gov.bnl.sphenix.production.control.OperatingLimits;
import gov.bnl.sphenix.production.plan.PlannerSettings;
import gov.bnl.sphenix.production.source.CheckedOutSpecs;
import gov.bnl.sphenix.production.spec.Diagnostic;
import gov.bnl.sphenix.production.spec.InPlaceIdentityCheck;
import gov.bnl.sphenix.production.spec.SourceLocation;
import gov.bnl.sphenix.production.spec.ValidationReport;
import gov.bnl.sphenix.production.spec.load.SpecLoader;
import gov.bnl.sphenix.production.spec.tree.DirectoryTree;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code prodctl validate PATH...}: checks a specs repository (a directory) or single files, and
 * prints every problem as {@code file:line:column: error: what — how to fix}. Exit code 0 when
 * valid (warnings allowed), 1 when anything is wrong. Made for the CI of the specs repository:
 * with {@code --base REV} a directory is also compared with that revision of its git clone, and a
 * production that changes its identity in place is an error ({@link InPlaceIdentityCheck}).
 */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Validate production specs: a specs repository directory, or single files.",
                "A production file is checked against the repository it lives in; a rule-set file",
                "validates as a rule set. With --base, a directory is also compared with that",
                "revision of its git repository: a production may not change its identity",
                "(dsttype, dataset, build, dbtag, version) in place.",
                "Exit code 0: valid (warnings allowed); 1: errors."})
final class ValidateCommand implements Callable<Integer> {

    enum Format { text, json }

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Specs directories or spec files.")
    List<Path> paths;

    @Option(names = "--format", defaultValue = "text", description = "Output format: ${COMPLETION-CANDIDATES}.")
    Format format;

    @Option(names = "--base", paramLabel = "REV", description = {"Compare each directory with this revision of its",
            "git repository (a commit, branch or tag, e.g. origin/main)."})
    String base;

    @Option(names = "--show-limits", description = "Also print the limits in force: the operating limits (the"
            + " defaults, or those given with --limit) and each production's caps and maximum run time.")
    boolean showLimits;

    @Mixin
    LimitOptions limits = new LimitOptions();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        List<Diagnostic> diagnostics = new ArrayList<>();
        List<String> inForce = new ArrayList<>();
        PlannerSettings operating;
        try {
            operating = limits.settings();
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("prodctl validate: " + e.getMessage());
            return 2;
        }
        int files = 0;
        for (Path path : paths) {
            Validated v = validate(path);
            files += v.report().filesRead();
            v.report().diagnostics().forEach(d -> diagnostics.add(relocate(d, v.displayPrefix())));
            v.report().repository().ifPresent(r -> r.productions().forEach(p -> inForce.add(p.name() + ": "
                    + PlanWords.limits(p, Optional.of(operating.maxRunTime())))));
        }
        long errors = diagnostics.stream().filter(Diagnostic::isError).count();
        long warnings = diagnostics.size() - errors;
        PrintWriter out = spec.commandLine().getOut();
        if (format == Format.json) {
            out.println(json(diagnostics, files, errors == 0));
        } else {
            diagnostics.forEach(out::println);
            if (showLimits) {
                out.println("operating limits: " + OperatingLimits.describe(operating));
                inForce.forEach(out::println);
            }
            out.printf("validate: %s, %s, %s — %s%n", count(files, "file"), count(errors, "error"),
                    count(warnings, "warning"), errors == 0 ? "valid" : "invalid");
        }
        out.flush();
        return errors == 0 ? 0 : 1;
    }

    private static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private record Validated(ValidationReport report, String displayPrefix) {
    }

    private Validated validate(Path path) {
        if (Files.isDirectory(path)) {
            // A sub-directory (productions/, rules/x/) is checked as part of its repository:
            // cross-file checks need the catalogue and the other productions.
            Path dir = path.toAbsolutePath().normalize();
            Path root = nearestHolding(dir, SpecLoader.CATALOGUE).orElse(dir);
            DirectoryTree tree = new DirectoryTree(root);
            ValidationReport report = SpecLoader.load(tree);
            return new Validated(base == null ? report : againstBase(report, tree, root), display(root));
        }
        if (!Files.exists(path)) {
            Diagnostic missing = Diagnostic.error(SourceLocation.ofFile(path.toString()), "no such file or directory",
                    "check the path");
            return new Validated(new ValidationReport(java.util.Optional.empty(), List.of(missing), 0), "");
        }
        Path file = path.toAbsolutePath().normalize();
        Path root = repositoryRoot(file);
        String relative = root.relativize(file).toString().replace('\\', '/');
        return new Validated(SpecLoader.loadFile(new DirectoryTree(root), relative), display(root));
    }

    /** {@code head} with an error for each production whose identity differs from the base revision's. */
    private ValidationReport againstBase(ValidationReport head, DirectoryTree tree, Path root) {
        List<Diagnostic> found;
        try (CheckedOutSpecs repository = CheckedOutSpecs.open(root)) {
            ValidationReport before = repository.at(base).report();
            if (before.repository().isEmpty() || head.repository().isEmpty()) {
                // an invalid head reports its own errors; an invalid base has nothing to compare with
                found = head.repository().isEmpty() ? List.of() : List.of(Diagnostic.warning(SourceLocation.ofFile("."),
                        "identities not compared: revision " + base + " does not validate",
                        "compare with a revision that does (the branch the pull request goes into)"));
            } else {
                found = InPlaceIdentityCheck.check(before.repository().get().productions(),
                        head.repository().get().productions(), tree);
            }
        } catch (IllegalArgumentException e) {
            found = List.of(Diagnostic.error(SourceLocation.ofFile("."), e.getMessage(),
                    "compare in a clone of the specs repository, or leave out --base"));
        }
        if (found.isEmpty()) {
            return head;
        }
        List<Diagnostic> all = new ArrayList<>(found);
        all.addAll(head.diagnostics());
        boolean errors = found.stream().anyMatch(Diagnostic::isError);
        return new ValidationReport(errors ? java.util.Optional.empty() : head.repository(), all, head.filesRead());
    }

    /**
     * The specs repository a file belongs to: the nearest directory above it that holds the product
     * catalogue, else the nearest git work tree (a rule-set repository without a catalogue), else
     * the file's own directory. Paths in the file may not leave that root.
     */
    static Path repositoryRoot(Path file) {
        return nearestHolding(file.getParent(), SpecLoader.CATALOGUE)
                .or(() -> nearestHolding(file.getParent(), ".git"))
                .orElse(file.getParent());
    }

    /** {@code start} or the nearest directory above it that holds {@code marker}. */
    private static java.util.Optional<Path> nearestHolding(Path start, String marker) {
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve(marker))) {
                return java.util.Optional.of(dir);
            }
        }
        return java.util.Optional.empty();
    }

    /** Messages name files as the user would type them: relative to the working directory when possible. */
    private static String display(Path root) {
        Path absolute = root.toAbsolutePath().normalize();
        Path cwd = Path.of("").toAbsolutePath();
        String shown = absolute.startsWith(cwd) ? cwd.relativize(absolute).toString() : absolute.toString();
        return shown.isEmpty() ? "" : shown + "/";
    }

    private static Diagnostic relocate(Diagnostic d, String prefix) {
        if (prefix.isEmpty()) {
            return d;
        }
        String file = d.at().file().equals(".") ? prefix.substring(0, prefix.length() - 1) : prefix + d.at().file();
        return new Diagnostic(d.severity(), new SourceLocation(file, d.at().line(), d.at().column()), d.message(), d.fix());
    }

    private static String json(List<Diagnostic> diagnostics, int files, boolean valid) throws Exception {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("valid", valid);
        result.put("files", files);
        result.put("errors", diagnostics.stream().filter(Diagnostic::isError).map(ValidateCommand::asMap).toList());
        result.put("warnings", diagnostics.stream().filter(d -> !d.isError()).map(ValidateCommand::asMap).toList());
        return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(result);
    }

    private static Map<String, Object> asMap(Diagnostic d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", d.at().file());
        m.put("line", d.at().line());
        m.put("column", d.at().column());
        m.put("severity", d.severity().label());
        m.put("message", d.message());
        m.put("fix", d.fix());
        return m;
    }
}
