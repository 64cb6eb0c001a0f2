package gov.bnl.sphenix.production.tools.trial;

import static org.assertj.core.api.Assertions.assertThat;

import gov.bnl.sphenix.production.RepositoryFiles;
import gov.bnl.sphenix.production.batch.JobDirectories;
import gov.bnl.sphenix.production.batch.Selection;
import gov.bnl.sphenix.production.batch.wrapper.WrapperLaunch;
import gov.bnl.sphenix.production.batch.condor.CondorBatchSystem;
import gov.bnl.sphenix.production.batch.condor.CondorSettings;
import gov.bnl.sphenix.production.batch.condor.LocalPool;
import gov.bnl.sphenix.production.batch.condor.MiniCondorPool;
import gov.bnl.sphenix.production.spec.Production;
import gov.bnl.sphenix.production.tools.world.PassPace;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every rule-set file of the example specs through a try on a real HTCondor pool
 * ({@code scripts/minicondor.sh up}): the try's world under the pool's shared directory, its jobs
 * through condor_submit, the job wrapper on the workers, and the harvest (in a copy of the specs
 * whose catalogue has fewer DAQ hosts, which keeps it to seconds).
 */
@Tag("condor")
class TrialOnCondorTest {

    private Path root;
    private TrialWorld trial;

    @AfterEach
    void cleanUp() throws IOException {
        if (trial != null) {
            for (Production p : trial.productions()) {
                trial.world().batch().remove(Selection.production(p.name()), "test over");
            }
            trial.close();
        }
        RepositoryFiles.deleteTree(root);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("gov.bnl.sphenix.production.RepositoryFiles#ruleFiles")
    void everyRuleFileOfTheExampleSpecsRunsThroughATryOnThePool(String ruleFile) throws Exception {
        MiniCondorPool.requireUp();
        String id = UUID.randomUUID().toString().substring(0, 8);
        root = MiniCondorPool.share().resolve("try-" + id);
        CondorSettings settings = MiniCondorPool.settings(WrapperLaunch.in(root.resolve("worker-lib")));
        LocalPool.openToPoolJobs(root.resolve("world"));
        Path specs = RepositoryFiles.copyOfProductionSpecsWithFewHosts(root.resolve("specs"));
        trial = TrialWorld.create(root.resolve("world"),
                new SpecsToTry.RuleFile(specs, ruleFile, specs.resolve("catalogue.yaml")),
                // the pool remembers earlier tries' jobs under the same keys
                new TrialOptions(1, OptionalInt.of(50), "-" + id, 7), specs.resolve("payloads"),
                data -> new CondorBatchSystem(settings, JobDirectories.worldWritable()));
        ByteArrayOutputStream told = new ByteArrayOutputStream();

        TrialSummary summary;
        try {
            summary = Trial.run(trial, new PrintStream(told, true, StandardCharsets.UTF_8),
                    // a ceiling, not a wait: each case takes 20-50 s here, but a loaded two-core CI
                    // machine once needed more than 3 minutes for one of them
                    new PassPace(Duration.ofSeconds(1), Duration.ofMinutes(10)), statuses -> { });
        } catch (IllegalStateException timedOut) {
            throw new AssertionError(timedOut.getMessage() + "\n" + told.toString(StandardCharsets.UTF_8), timedOut);
        }

        String story = told.toString(StandardCharsets.UTF_8);
        assertThat(summary.failed()).as(story).isZero();
        assertThat(summary.succeeded()).as(story).isPositive();
        List<String> lines = story.lines().toList();
        assertThat(lines.get(lines.size() - 1)).isEqualTo(summary.lastLine()).startsWith("try: ");
    }
}
