package gov.bnl.sphenix.production.spec.load;

import static org.assertj.core.api.Assertions.assertThat;

import gov.bnl.sphenix.production.RepositoryFiles;
import gov.bnl.sphenix.production.spec.Diagnostic;
import gov.bnl.sphenix.production.spec.Diagnostics;
import gov.bnl.sphenix.production.spec.SourceLocation;
import gov.bnl.sphenix.production.spec.ValidationReport;
import gov.bnl.sphenix.production.spec.tree.DirectoryTree;
import gov.bnl.sphenix.production.spec.tree.SpecTree;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Spec files come from pull requests: whatever they hold, loading ends in diagnostics — never an
 * exception, never unbounded time, memory or output.
 */
class HostileSpecsTest {

    private static final Duration PER_INPUT = Duration.ofSeconds(10);
    private static final String PRODUCTION = "productions/hostile.yaml";
    private static final String RULES = "rules/run3auau/hostile.yaml";

    @Test
    void aKilobyteOfMaskRangesGivesAHundredDiagnosticsAndOneLineForTheRest(@TempDir Path dir) throws IOException {
        Path repo = RepositoryFiles.copyOfProductionSpecs(dir);
        String masks = String.join(", ", java.util.Collections.nCopies(60, "'TPC{0..9999}'"));
        Files.writeString(repo.resolve(PRODUCTION), ProductionFiles.production("hostile",
                ProductionFiles.CALO_RULES, "Full_CALO_run3physics", "  masks: [" + masks + "]\n"), StandardCharsets.UTF_8);

        long start = System.nanoTime();
        ValidationReport report = SpecLoader.load(new DirectoryTree(repo));
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        List<Diagnostic> inFile = report.diagnostics().stream().filter(d -> d.at().file().equals(PRODUCTION)).toList();
        assertThat(inFile).hasSize(Diagnostics.MAX_PER_FILE + 1);
        assertThat(inFile).extracting(Diagnostic::message).contains(
                "brace ranges in this file expand to more than 10000 names; the rest are not expanded");
        assertThat(inFile.get(inFile.size() - 1).message()).matches("[0-9]+ more errors not shown");
        assertThat(report.valid()).isFalse();
        assertThat(took).isLessThan(PER_INPUT);
    }

    @Test
    void aStepThatThrowsIsAnInternalErrorOfItsFileAndTheRestIsStillRead(@TempDir Path dir) {
        Path repo = RepositoryFiles.copyOfProductionSpecs(dir);
        String broken = "productions/run3auau/calo-physics.yaml";
        SpecTree tree = failingAt(new DirectoryTree(repo), broken);

        ValidationReport whole = SpecLoader.load(tree);
        ValidationReport single = SpecLoader.loadFile(tree, broken);

        String expected = broken + ":1:1: error: internal error while reading this file (IllegalStateException:"
                + " disk on fire), so these specs are refused — this is a bug of the validator, please report it with"
                + " this file; a different value at this place may get past it";
        assertThat(whole.errors()).extracting(Diagnostic::toString).containsExactly(expected);
        assertThat(whole.repository()).as("a commit the loader cannot read is rejected, never half applied").isEmpty();
        assertThat(single.errors()).extracting(Diagnostic::toString).containsExactly(expected);
    }

    @Test
    void anInternalErrorIsPlacedAtTheNodeBeingRead() {
        Diagnostics out = new Diagnostics();
        out.reading(new SourceLocation("productions/p.yaml", 14, 18));
        Optional<Object> result = new LoadGuard(out).read("productions/p.yaml", () -> {
            throw new ArithmeticException("long overflow");
        });
        assertThat(result).isEmpty();
        assertThat(out.sorted()).singleElement().extracting(Diagnostic::toString).asString()
                .startsWith("productions/p.yaml:14:18: error: internal error while reading this file"
                        + " (ArithmeticException: long overflow), so these specs are refused");
    }

    /**
     * A few hundred generated hostile files — huge numbers, deep nesting, long strings, odd unicode,
     * brace bombs, YAML tricks, broken UTF-8 — put into production and rule files of a copy of the
     * example repository.
     */
    @Test
    void hostileFilesNeverThrowAndStayBoundedInTimeAndOutput(@TempDir Path dir) throws IOException {
        Path repo = RepositoryFiles.copyOfProductionSpecs(dir);
        DirectoryTree tree = new DirectoryTree(repo);
        Random random = new Random(20261203);
        List<String> failures = new ArrayList<>();
        Duration slowest = Duration.ZERO;
        int inputs = 320;
        int invalid = 0;
        for (int i = 0; i < inputs; i++) {
            boolean production = i % 2 == 0;
            String target = production ? PRODUCTION : RULES;
            byte[] content = production ? hostileProduction(random) : hostileRule(random);
            Files.deleteIfExists(repo.resolve(PRODUCTION));
            Files.deleteIfExists(repo.resolve(RULES));
            Files.write(repo.resolve(target), content);
            long start = System.nanoTime();
            ValidationReport report;
            try {
                report = i % 8 < 2 ? SpecLoader.load(tree) : SpecLoader.loadFile(tree, target);
            } catch (RuntimeException e) {
                failures.add("input " + i + " threw " + e + "\n" + preview(content));
                continue;
            }
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            invalid += report.valid() ? 0 : 1;
            slowest = took.compareTo(slowest) > 0 ? took : slowest;
            if (took.compareTo(PER_INPUT) > 0) {
                failures.add("input " + i + " took " + took + "\n" + preview(content));
            }
            Map<String, Long> perFile = report.diagnostics().stream()
                    .collect(Collectors.groupingBy(d -> d.at().file(), Collectors.counting()));
            perFile.forEach((file, n) -> {
                if (n > Diagnostics.MAX_PER_FILE + 1) {
                    failures.add(file + " got " + n + " diagnostics");
                }
            });
            for (Diagnostic d : report.diagnostics()) {
                String line = d.toString();
                if (line.contains("\n") || line.contains("\r") || line.length() > 2_500 || d.fix().isBlank()) {
                    failures.add("input " + i + ": unprintable diagnostic " + line.substring(0, Math.min(300, line.length())));
                }
            }
        }
        assertThat(failures).as("slowest input %s", slowest).isEmpty();
        assertThat(invalid).as("the generator makes hostile files, not good ones").isGreaterThan(inputs / 2);
    }

    private static String preview(byte[] content) {
        String text = new String(content, StandardCharsets.UTF_8);
        return text.length() > 600 ? text.substring(0, 600) + "…" : text;
    }

    // ---- the generator ----------------------------------------------------------------------

    private static final List<Function<Random, String>> HOSTILE = List.of(
            r -> "9".repeat(10 + r.nextInt(3000)) + pick(r, "", "d", "h", "s", "GB", "TB", "MB", "e999", ".5", "%"),
            r -> "-" + "9".repeat(1 + r.nextInt(40)),
            r -> pick(r, "2147483648", "9223372036854775808", "-2147483649", "0x7fffffff", "1e400", ".inf", "NaN",
                    "-0", "0o777", "1_000_000_000_000", "99999999999999999999d", "999999999999999d", "36501d"),
            r -> "[".repeat(1 + r.nextInt(200)) + "]".repeat(1 + r.nextInt(200)),
            r -> "{a: ".repeat(1 + r.nextInt(120)) + "1" + "}".repeat(1 + r.nextInt(120)),
            r -> "x".repeat(200 + r.nextInt(200_000)),
            r -> randomText(r, 1 + r.nextInt(400)),
            r -> pick(r, "\u202Eevil\u202C", "🧪🧪🧪", "ｄｓｔ", "DST_CALO\u0000", "\u001B[31mred", "e\u0301", "\uFEFFbom",
                    "line\u2028sep", "Ω≈ç√", "\u200F"),
            r -> "TPC{0.." + "9".repeat(1 + r.nextInt(15)) + "}",
            r -> "{a,b}".repeat(1 + r.nextInt(60)),
            r -> "x{0..9999}{0..9999}",
            r -> pick(r, "*alias", "&a [*a, *a]", "!!binary aGVsbG8=", "!!python/object:os.system ls", "<<: *x",
                    "? [a]: b", "---\n---", "%YAML 1.1", "|\n  block", ">-\n  folded", "'unterminated", "\"bad \\q escape\"",
                    "{{{}}}", "[a, b", "a: b: c", "\t", "$(ClusterId)", "a\nqueue 1000", "${HOME}", "`id`"));

    private static String pick(Random r, String... options) {
        return options[r.nextInt(options.length)];
    }

    private static String randomText(Random r, int length) {
        StringBuilder s = new StringBuilder();
        while (s.length() < length) {
            int cp = switch (r.nextInt(4)) {
                case 0 -> 0x20 + r.nextInt(0x5F);
                case 1 -> r.nextInt(0x20);
                case 2 -> 0xA0 + r.nextInt(0x2FFF);
                default -> 0x1F300 + r.nextInt(0x300);
            };
            s.appendCodePoint(cp);
        }
        return s.toString();
    }

    /** A hostile value, as written: raw (it may break the YAML) or in double quotes. */
    private static String value(Random r) {
        String v = HOSTILE.get(r.nextInt(HOSTILE.size())).apply(r);
        if (r.nextBoolean()) {
            return v;
        }
        StringBuilder q = new StringBuilder("\"");
        v.codePoints().forEach(cp -> {
            if (cp == '"' || cp == '\\') {
                q.append('\\').appendCodePoint(cp);
            } else if (cp < 0x20) {
                q.append(String.format("\\x%02X", cp));
            } else {
                q.appendCodePoint(cp);
            }
        });
        return q.append('"').toString();
    }

    private static final String PRODUCTION_TEMPLATE = """
            apiVersion: production.sphenix.bnl.gov/v1alpha1
            kind: Production
            metadata:
              name: ${name}
            spec:
              rule:
                ruleSet: ${ruleSet}
                name: ${rule}
              runs: {range: [90000, ${last}], order: ${order}}
              masks: [TPC17, ${mask}]
              priority: ${priority}
              memory: ${memory}
              segments: ${segments}
              limits:
                maxQueued: ${maxQueued}
              onRemoval:
                policy: kill-and-delete-outputs
                gracePeriod: ${grace}
              reruns:
                - runs: {range: [90000, 90010]}
                  token: ${token}
            """;
    private static final Map<String, String> PRODUCTION_VALUES = Map.ofEntries(Map.entry("name", "hostile"),
            Map.entry("ruleSet", ProductionFiles.CALO_RULES), Map.entry("rule", "Full_CALO_run3physics"),
            Map.entry("last", "90100"), Map.entry("order", "newest-first"), Map.entry("mask", "INTT3"),
            Map.entry("priority", "100"), Map.entry("memory", "2GB, 4GB"), Map.entry("segments", "all"),
            Map.entry("maxQueued", "1000"), Map.entry("grace", "24h"), Map.entry("token", "fix-1"));

    private static final String RULE_TEMPLATE = """
            ${rule}:
              params:
                dsttype:     ${dsttype}
                period:      ${period}
                physicsmode: ${physicsmode}
                dataset:     ${dataset}
                build:       ${build}
                dbtag:       2025p008
                version:     ${version}
              input:
                intriplet:   ${intriplet}
                min_run_time: ${min_run_time}
                cut_segment: ${cut_segment}
              job:
                script:         ${script}
                neventsper:     ${neventsper}
                payload:        ${payload}
                request_memory: ${memory}
                batch_name:     ${batch_name}
                accounting_group: ${accounting_group}
                log:            ${log}
                priority:       ${priority}
            """;
    private static final Map<String, String> RULE_VALUES = Map.ofEntries(Map.entry("rule", "Hostile_rule"),
            Map.entry("dsttype", "DST_CALO"), Map.entry("period", "run3auau"), Map.entry("physicsmode", "physics"),
            Map.entry("dataset", "run3auau"), Map.entry("build", "ana.599"), Map.entry("version", "1"),
            Map.entry("intriplet", "ana530_2025p008_v001"), Map.entry("min_run_time", "300"),
            Map.entry("cut_segment", "100"), Map.entry("script", "run_calo.sh"), Map.entry("payload", "[calo_code/*]"),
            Map.entry("neventsper", "1000"), Map.entry("memory", "2GB"), Map.entry("batch_name", "'{dsttype}_{dataset}'"),
            Map.entry("accounting_group", "group_sphenix.prod"), Map.entry("log", "'{condor}/{logbase}.condor'"),
            Map.entry("priority", "10"));

    private static byte[] hostileProduction(Random r) {
        return bytes(r, fill(r, PRODUCTION_TEMPLATE, PRODUCTION_VALUES));
    }

    private static byte[] hostileRule(Random r) {
        return bytes(r, fill(r, RULE_TEMPLATE, RULE_VALUES));
    }

    /** The template with one to three of its slots hostile and the others at their good values. */
    private static String fill(Random r, String template, Map<String, String> good) {
        List<String> slots = good.keySet().stream().sorted().toList();
        Map<String, String> values = new java.util.HashMap<>(good);
        int hostile = 1 + r.nextInt(3);
        for (int k = 0; k < hostile; k++) {
            values.put(slots.get(r.nextInt(slots.size())), value(r));
        }
        String text = template;
        for (Map.Entry<String, String> v : values.entrySet()) {
            text = text.replace("${" + v.getKey() + "}", v.getValue());
        }
        return text;
    }

    /** Mostly the text as UTF-8; now and then with bytes that are not UTF-8 at all. */
    private static byte[] bytes(Random r, String text) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        if (r.nextInt(20) == 0) {
            utf8[r.nextInt(utf8.length)] = (byte) 0xC3;
            utf8[r.nextInt(utf8.length)] = (byte) 0xFF;
        }
        return utf8;
    }

    /** The real tree, with one file whose reading fails the way no check foresaw. */
    private static SpecTree failingAt(SpecTree real, String path) {
        return new SpecTree() {
            @Override
            public List<String> files() {
                return real.files();
            }

            @Override
            public Optional<byte[]> read(String p) {
                if (p.equals(path)) {
                    throw new IllegalStateException("disk on fire");
                }
                return real.read(p);
            }

            @Override
            public boolean isSymlink(String p) {
                return real.isSymlink(p);
            }
        };
    }
}
