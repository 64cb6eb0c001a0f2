package gov.bnl.sphenix.production.batch.condor;

import static org.assertj.core.api.Assertions.assertThat;

import gov.bnl.sphenix.production.batch.JobEdit;
import gov.bnl.sphenix.production.batch.Selection;
import gov.bnl.sphenix.production.batch.condor.CondorCommands.Command;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The command line of every tool: the named schedd on each, our owner in every constraint. */
class CondorCommandsTest {

    private static final Selection CALO = Selection.production("calo");
    private static final String OURS = "Owner =?= \"sphnxpro\" && (ProdOpProduction =?= \"calo\")";

    private static List<Command> everyJobCommand(CondorCommands commands) {
        return List.of(commands.query("sphnxpro", CALO), commands.history("sphnxpro", CALO, 50),
                commands.history("sphnxpro", CALO, Instant.ofEpochSecond(1_780_000_000), 50),
                commands.release("sphnxpro", CALO), commands.hold("sphnxpro", CALO, "why"),
                commands.remove("sphnxpro", CALO, "why"), commands.edit("sphnxpro", CALO, JobEdit.requestMemory(4096)),
                commands.edit("sphnxpro", CALO, new JobEdit.Priority(7)));
    }

    @Test
    void everyCommandThatReadsOrChangesJobsIsLimitedToOurOwner() {
        List<Command> commands = everyJobCommand(new CondorCommands(Optional.empty()));

        assertThat(commands).extracting(Command::tool).containsExactly("condor_q", "condor_history", "condor_history", "condor_release",
                "condor_hold", "condor_rm", "condor_qedit", "condor_qedit");
        assertThat(commands).allSatisfy(c -> {
            List<String> args = c.arguments();
            assertThat(args.get(args.indexOf("-constraint") + 1)).as(c.tool()).isEqualTo(OURS);
        });
    }

    @Test
    void everyCommandNamesTheConfiguredSchedd() {
        CondorCommands commands = new CondorCommands(Optional.of("schedd@sphnxsub01.sdcc.bnl.gov"));
        List<Command> all = new ArrayList<>(everyJobCommand(commands));
        all.addAll(List.of(commands.submit(), commands.totals(), commands.identity()));

        assertThat(all).allSatisfy(c -> assertThat(c.arguments().subList(0, 2)).as(c.tool())
                .containsExactly("-name", "schedd@sphnxsub01.sdcc.bnl.gov"));
    }

    @Test
    void aBoundedHistoryStopsReadingAtTheFirstJobThatLeftBeforeItsStart() {
        Command history = new CondorCommands(Optional.empty()).history("sphnxpro", CALO,
                Instant.ofEpochSecond(1_780_000_000), 5000);

        List<String> args = history.arguments();
        assertThat(args.get(args.indexOf("-since") + 1)).isEqualTo("EnteredCurrentStatus < 1780000000");
        assertThat(args.get(args.indexOf("-limit") + 1)).isEqualTo("5000");
    }

    @Test
    void withoutAScheddNameTheLocalOneIsUsed() {
        CondorCommands commands = new CondorCommands(Optional.empty());

        assertThat(commands.submit().arguments()).containsExactly("-terse", "-");
        assertThat(commands.totals().arguments()).containsExactly("-allusers", "-totals");
        assertThat(commands.identity().arguments()).containsExactly("-type", "schedd", "-table", "WRITE");
        assertThat(commands.edit("sphnxpro", CALO, JobEdit.requestMemory(4096)).arguments())
                .containsExactly("-constraint", OURS, "RequestMemory", "4096");
        assertThat(commands.remove("sphnxpro", CALO, "reverted").arguments())
                .containsExactly("-reason", "reverted", "-constraint", OURS);
    }
}
