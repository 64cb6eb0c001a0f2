package gov.bnl.sphenix.production.control;

import static org.assertj.core.api.Assertions.assertThat;

import gov.bnl.sphenix.production.catalog.ledger.RunsDone;
import gov.bnl.sphenix.production.catalog.readiness.DaqComparison;
import gov.bnl.sphenix.production.catalog.readiness.EventsAgainstDaq;
import gov.bnl.sphenix.production.tools.demo.DemoWorld;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each pass weighs the runs a production has finished against the events the DAQ recorded, the
 * same comparison {@code prodctl why} makes, and keeps it with the production's status: on a real
 * world (PostgreSQL catalogs, jobs run by the local executor) run to completion.
 */
class EventsAgainstDaqInPassTest {

    private static final String NAME = "demo-streaming";

    @TempDir
    Path dir;

    @Test
    void aPassComparesTheFinishedRunsWithTheDaqAsWhyDoesAndTheStatusKeepsIt() throws Exception {
        try (DemoWorld world = LocalWorlds.create(dir.resolve("world")); Engine engine = world.startEngine()) {
            world.specs().write(DemoWorld.PRODUCTIONS + "streaming.yaml", LocalWorlds.mvtxStreaming(NAME,
                    "rules/run3auau/tracking_physics_ana523_2025p007_v001.yaml", world.seeded().firstRun()));
            world.specs().commitAndPush("Merge pull request #1: event building of the MVTX streams");
            PassReport done = Passes.until(engine, r -> r.status(NAME)
                    .map(s -> s.state() == ProductionStanding.State.COMPLETE).orElse(false),
                    Duration.ofMinutes(3), Duration.ofMillis(500));

            DaqComparison daq = done.status(NAME).orElseThrow().eventsAgainstDaq();
            List<Integer> produced = RunsDone.of(LocalWorlds.ledgerRows(world, NAME)).produced();
            assertThat(produced).as("runs whose every job succeeded").isNotEmpty();
            assertThat(daq.runsCompared()).isEqualTo(produced.size());
            assertThat(daq.eventsRecorded()).as("the DAQ's count of those runs, summed by the test's own SQL")
                    .isPositive().isEqualTo(recorded(world, produced));
            assertThat(daq.eventsProduced()).isPositive();

            DesiredAtRevision desired = engine.desired().orElseThrow();
            var spec = desired.state().productions().stream().filter(p -> p.name().equals(NAME)).findFirst()
                    .orElseThrow();
            assertThat(daq).as("what prodctl why weighs, summed")
                    .isEqualTo(DaqComparison.of(EventsAgainstDaq.of(world.catalogs()).of(spec, desired.catalogue(),
                            produced)));
            assertThat(engine.statuses()).filteredOn(s -> s.production().equals(NAME)).singleElement()
                    .extracting(ProductionStanding::eventsAgainstDaq).as("kept in the ledger with the status")
                    .isEqualTo(daq);
        }
    }

    private static long recorded(DemoWorld world, List<Integer> runs) throws SQLException {
        try (Connection c = world.catalogs().daq().getConnection();
             PreparedStatement s = c.prepareStatement("SELECT sum(eventsinrun) FROM run WHERE runnumber = ANY (?)")) {
            Array array = c.createArrayOf("integer", runs.toArray());
            s.setArray(1, array);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
