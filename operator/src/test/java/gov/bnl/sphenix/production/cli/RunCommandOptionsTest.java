package gov.bnl.sphenix.production.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gov.bnl.sphenix.production.batch.condor.CondorSettings;
import gov.bnl.sphenix.production.control.guard.RemovalLimits;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** What `prodctl run` hands the HTCondor adapter: the schedd and the owner of the operator's jobs. */
class RunCommandOptionsTest {

    private static RunCommand parse(String... args) {
        RunCommand run = new RunCommand();
        new CommandLine(run).parseArgs(args);
        return run;
    }

    @Test
    void theScheddAndTheSubmitUserReachTheCondorSettings() {
        CondorSettings settings = parse("--specs", "file:///specs", "--batch", "condor",
                "--schedd", "schedd01.example.org", "--submit-user", "sphnxpro").condorSettings();

        assertThat(settings.scheddName()).contains("schedd01.example.org");
        assertThat(settings.submitUser()).contains("sphnxpro");
    }

    @Test
    void withoutThemTheToolsKeepTheirDefaultsAndTheScheddIsAsked() {
        CondorSettings settings = parse("--specs", "file:///specs").condorSettings();

        assertThat(settings.scheddName()).isEmpty();
        assertThat(settings.submitUser()).isEmpty();
    }

    @Test
    void severalScheddsEachGetTheirSettingsWithThePoolAndTheUser() {
        RunCommand run = parse("--specs", "file:///specs", "--batch", "condor", "--schedd", "sphnxsub01.sdcc.bnl.gov",
                "--schedd", "second@sphnxsub02.sdcc.bnl.gov", "--pool", "sphnxcm.sdcc.bnl.gov:9618", "--submit-user",
                "sphnxpro", "--assign", "run3auau-streaming=second@sphnxsub02.sdcc.bnl.gov");

        assertThat(run.condorSchedds()).extracting(s -> s.scheddName().orElseThrow())
                .containsExactly("sphnxsub01.sdcc.bnl.gov", "second@sphnxsub02.sdcc.bnl.gov");
        assertThat(run.condorSchedds()).allSatisfy(s -> {
            assertThat(s.pool()).contains("sphnxcm.sdcc.bnl.gov:9618");
            assertThat(s.submitUser()).contains("sphnxpro");
        });
        assertThat(run.assignments).containsExactly("run3auau-streaming=second@sphnxsub02.sdcc.bnl.gov");
    }

    @Test
    void aPoolThatAShellCouldReadAsMoreIsRefused() {
        assertThatThrownBy(() -> parse("--specs", "file:///specs", "--pool", "cm; rm -rf ~").condorSettings())
                .hasMessageContaining("the pool 'cm; rm -rf ~' is not a central manager's host name");
    }

    @Test
    void aSubmitUserThatIsNotAUserNameIsRefused() {
        assertThatThrownBy(() -> parse("--specs", "file:///specs", "--submit-user", "\"x\" || true").condorSettings())
                .hasMessageContaining("is not a user name");
    }

    @Test
    void theRemovalGuardsLimitsAndConfirmationComeFromTheCommandLine() {
        RunCommand run = parse("--specs", "file:///specs", "--max-removals", "0", "--max-kills", "-1",
                "--allow-removal", "abc1234def56");

        assertThat(run.removalLimits()).isEqualTo(new RemovalLimits(0, -1));
        assertThat(run.confirmation().commit()).contains("abc1234def56");
        assertThat(run.confirmation().howTo()).isEqualTo("restart prodctl run with --allow-removal %s");
    }

    @Test
    void operatingLimitsComeFromRepeatedLimitOptionsAndAWordThatIsNoLimitIsRefused() {
        RunCommand run = parse("--specs", "file:///specs", "--limit", "maxRunTime=5d", "--limit", "queueBudget=200");

        assertThat(run.limits.settings().maxRunTime()).isEqualTo(java.time.Duration.ofDays(5));
        assertThat(run.limits.settings().globalQueueBudget()).isEqualTo(200);
        assertThatThrownBy(() -> parse("--specs", "file:///specs", "--limit", "maxRuntime=5d").limits.settings())
                .hasMessageStartingWith("--limit: 'maxRuntime' is not an operating limit");
    }

    @Test
    void withoutThemACommitMayRemoveFiveProductionsAndKillAThousandJobsUnconfirmed() {
        RunCommand run = parse("--specs", "file:///specs");

        assertThat(run.removalLimits()).isEqualTo(RemovalLimits.DEFAULTS);
        assertThat(run.confirmation().commit()).isEmpty();
    }
}
