package gov.bnl.sphenix.production.cli;

import static org.assertj.core.api.Assertions.assertThat;

import gov.bnl.sphenix.production.RepositoryFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * {@code prodctl try} as a user runs it: on a specs repository with one production named, on every
 * rule-set file of the example specs on its own, on specs whose job fails, and on bad input. Real
 * embedded PostgreSQL, real git, the local executor.
 */
class ProdctlTryTest {

    static final Pattern LAST_LINE = Pattern.compile(
            "try: (\\d+) jobs succeeded, (\\d+) failed, (\\d+) DST and (\\d+) HIST outputs registered from (\\d+) runs");

    @TempDir
    Path tmp;

    @Test
    void oneNamedProductionRunsOnItsReadyRunsAndSaysWhatCameOfIt() throws IOException {
        Path dir = tmp.resolve("try");
        ConsoleRun run = ConsoleRun.of("try", RepositoryFiles.productionSpecs().toString(), "run3auau-triggered-physics",
                "--runs", "1", "--nevents", "50", "--dir", dir.toString());

        Matcher total = total(run);
        assertThat(run.exit()).as(run.out() + run.err()).isZero();
        assertThat(Long.parseLong(total.group(1))).as("jobs succeeded").isPositive();
        assertThat(total.group(2)).as("jobs failed").isEqualTo("0");
        assertThat(Long.parseLong(total.group(3))).as("DSTs registered").isGreaterThanOrEqualTo(Long.parseLong(total.group(1)));
        assertThat(total.group(5)).as("runs").isEqualTo("1");
        assertThat(run.out()).contains("run3auau-triggered-physics (DST_TRIGGERED_EVENT, runs ");
        assertThat(run.err().lines()).as("the try tells its story, not its libraries' logs")
                .noneMatch(line -> line.contains(" INFO "));
        String logs = run.lines().stream().filter(l -> l.trim().startsWith("logs: ")).findFirst().orElseThrow().trim()
                .substring("logs: ".length());
        assertThat(Path.of(logs)).isDirectory().startsWith(dir);
        try (Stream<Path> declared = Files.walk(dir.resolve("specs-work/productions"))) {
            assertThat(declared.filter(Files::isRegularFile).map(p -> p.getFileName().toString()))
                    .as("only the production asked for (it has no upstream)").containsExactly("triggered-physics.yaml");
        }
    }

    /**
     * Every rule-set file of the example specs runs through a try on its own, as CI requires (in a
     * copy of the specs whose catalogue has fewer DAQ hosts, which keeps it to seconds).
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("gov.bnl.sphenix.production.RepositoryFiles#ruleFiles")
    void everyRuleFileOfTheExampleSpecsRunsThroughATryOnItsOwn(String ruleFile) throws IOException {
        Path file = RepositoryFiles.copyOfProductionSpecsWithFewHosts(tmp.resolve("specs")).resolve(ruleFile);
        ConsoleRun run = ConsoleRun.of("try", file.toString(), "--runs", "1", "--nevents", "50",
                "--dir", tmp.resolve("try").toString());

        Matcher total = total(run);
        assertThat(run.exit()).as(run.out() + run.err()).isZero();
        assertThat(Long.parseLong(total.group(1))).as("jobs succeeded").isPositive();
        assertThat(total.group(2)).as("jobs failed").isEqualTo("0");
        for (String rule : rulesOf(file)) {
            assertThat(run.out()).as("a production per rule").contains(productionOf(rule) + " (");
        }
    }

    /**
     * A rule written for the facility, placing its logs, histograms and batch logs on
     * {@code /sphenix/data/data03} as ProdFlow's calorimeter rules do, runs in a try with those
     * directories moved below the try's own.
     */
    @Test
    void aRulePlacingItsFilesAtTheFacilityRunsWithThemBelowTheTry() throws IOException {
        Path specs = RepositoryFiles.copyOfProductionSpecs(tmp.resolve("specs"));
        Path rules = specs.resolve("rules/run3auau/calo_physics_ana530_2025p008_v001.yaml");
        String job = "    script:            run_eventcombine.sh\n";
        String data03 = "/sphenix/data/data03/sphnxpro/{prodmode}/{period}/{physicsmode}/{outtriplet}/{leafdir}/{rungroup}";
        String text = Files.readString(rules);
        assertThat(text).contains(job);
        Files.writeString(rules, text.replace(job, job + """
                    filesystem:
                      logdir:  "%1$s/log"
                      histdir: "%1$s/hist"
                      condor:  "/tmp/data03/sphnxpro/{prodmode}/{period}/{physicsmode}/{outtriplet}/{leafdir}/{rungroup}/log"
                """.formatted(data03)));
        Path dir = tmp.resolve("try");

        ConsoleRun run = ConsoleRun.of("try", specs.toString(), "run3auau-triggered-physics", "--runs", "1",
                "--nevents", "50", "--dir", dir.toString());

        assertThat(run.exit()).as(run.out() + run.err()).isZero();
        Matcher total = total(run);
        assertThat(Long.parseLong(total.group(3))).as("DSTs registered").isPositive();
        String logs = run.lines().stream().filter(l -> l.trim().startsWith("logs: ")).findFirst().orElseThrow().trim()
                .substring("logs: ".length());
        assertThat(Path.of(logs)).isDirectory().startsWith(dir).endsWith(Path.of("sphenix/data/data03/sphnxpro"));
        try (Stream<Path> below = Files.walk(Path.of(logs))) {
            assertThat(below.map(p -> p.getFileName().toString()).toList()).as("stdout and stderr in logdir")
                    .anyMatch(n -> n.endsWith(".out")).anyMatch(n -> n.endsWith(".err"));
        }
        try (Stream<Path> condor = Files.walk(dir)) {
            assertThat(condor.map(Path::toString)).as("the batch logs in the condor directory, below the try")
                    .anyMatch(p -> p.contains("/tmp/data03/sphnxpro/") && p.endsWith(".condor"));
        }
    }

    @Test
    void aJobThatFailsIsCountedAndTheTryExitsOne() throws IOException {
        Path specs = failingSpecs(tmp.resolve("specs"));

        ConsoleRun run = ConsoleRun.of("try", specs.toString(), "--runs", "1", "--dir", tmp.resolve("try").toString(),
                "--payloads", RepositoryFiles.productionSpecs().resolve("payloads").toString());

        assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(1);
        assertThat(run.lastLine()).isEqualTo("try: 0 jobs succeeded, 1 failed, 0 DST and 0 HIST outputs registered from 1 runs");
        assertThat(run.out()).contains("broken-combiner (DST_TRIGGERED_EVENT, runs 66113): 0 jobs succeeded, 1 failed");
    }

    @Test
    void badInputExitsTwoWithOneLine() {
        Path specs = RepositoryFiles.productionSpecs();
        Map<List<String>, String> cases = Map.of(
                List.of("try", tmp.resolve("nowhere/specs").toString()), "no such file or directory",
                List.of("try", specs.toString(), "--runs", "0"), "--runs is at least 1",
                List.of("try", specs.toString(), "--batch", "slurm"), "--batch is local or condor",
                List.of("try", specs.resolve("rules/run3cosmics/streaming_cosmics_new_nocdbtag_v000.yaml").toString(),
                        "run3cosmics-streaming"), "name no production after it",
                List.of("try", specs.toString(), "no-such-production", "--dir", tmp.resolve("try").toString()),
                "no production named no-such-production");
        cases.forEach((args, message) -> {
            ConsoleRun run = ConsoleRun.of(args.toArray(String[]::new));
            assertThat(run.exit()).as("%s: %s%s", args, run.out(), run.err()).isEqualTo(2);
            assertThat(run.err().lines().filter(l -> l.startsWith("prodctl try: ")))
                    .as("%s", args).singleElement().asString().contains(message);
        });
    }

    private static Matcher total(ConsoleRun run) {
        Matcher m = LAST_LINE.matcher(run.lastLine());
        assertThat(m.matches()).as("last line: %s%n%s%s", run.lastLine(), run.out(), run.err()).isTrue();
        return m;
    }

    private static List<String> rulesOf(Path ruleFile) throws IOException {
        Map<?, ?> rules = new Yaml(new LoaderOptions()).load(Files.readString(ruleFile));
        return rules.keySet().stream().map(String::valueOf).toList();
    }

    private static String productionOf(String rule) {
        return rule.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    }

    /**
     * A specs repository of one raw product with one leaf, whose one production runs a script that
     * fails on run 66113 (a short physics run of the synthetic catalog, hence the low cuts): the try
     * must count it and exit 1.
     */
    private static Path failingSpecs(Path specs) throws IOException {
        write(specs.resolve("catalogue.yaml"), """
                apiVersion: production.sphenix.bnl.gov/v1alpha1
                kind: ProductCatalogue
                products:
                  DST_TRIGGERED_EVENT:
                    from: raw
                    leaves: [seb00]
                    requiredHosts: [gl1daq]
                """);
        write(specs.resolve("rules/broken/broken_ana530_nocdbtag_v001.yaml"), """
                BROKEN_COMBINER_run3physics:
                  params:
                    dsttype:     DST_TRIGGERED_EVENT
                    period:      run3auau
                    physicsmode: physics
                    dataset:     run3auau
                    build:       ana.530
                    dbtag:       nocdbtag
                    version:     1
                  input:
                    min_run_time:   10
                    min_run_events: 1000
                  job:
                    script:         run_broken.sh
                    neventsper:     10000
                    payload:        [broken_code/*]
                    request_memory: 1024MB
                """);
        Path script = specs.resolve("rules/broken/broken_code/run_broken.sh");
        write(script, """
                #!/usr/bin/env bash
                # A run script that always fails.
                . "${SPHENIXPROD_SCRIPT_PATH}/common_runscript_prep.sh"
                echo "run_broken.sh: giving up on purpose" >&2
                exit 3
                """);
        script.toFile().setExecutable(true);
        write(specs.resolve("productions/broken.yaml"), """
                apiVersion: production.sphenix.bnl.gov/v1alpha1
                kind: Production
                metadata:
                  name: broken-combiner
                spec:
                  rule:
                    ruleSet: rules/broken/broken_ana530_nocdbtag_v001.yaml
                    name: BROKEN_COMBINER_run3physics
                  runs:
                    list: [66113]
                """);
        return specs;
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
