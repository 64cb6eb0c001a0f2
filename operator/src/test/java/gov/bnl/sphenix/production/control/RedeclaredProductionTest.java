package gov.bnl.sphenix.production.control;

import static org.assertj.core.api.Assertions.assertThat;

import gov.bnl.sphenix.production.catalog.ledger.ProductionRegistry;
import gov.bnl.sphenix.production.catalog.ledger.ProductionState;
import gov.bnl.sphenix.production.tools.demo.DemoWorld;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A production is removed, its removal completes (policy kill: its finished rows stay), and the
 * same name is declared again with a new tag. The old tag's finished jobs must not count as the new
 * tag's: every key is submitted again and runs to completion under the new tag, on the embedded
 * PostgreSQL, a real git repository and the local executor.
 */
class RedeclaredProductionTest {

    private static final String NAME = "demo-streaming";
    private static final String RULES = "rules/run3auau/tracking_physics_ana523_2025p007_v001.yaml";
    private static final String RULES_V2 = "rules/run3auau/tracking_physics_ana523_2025p007_v002.yaml";
    private static final String FILE = DemoWorld.PRODUCTIONS + "streaming.yaml";

    @TempDir
    Path dir;

    private DemoWorld world;
    private Engine engine;

    @BeforeEach
    void buildWorld() throws Exception {
        world = LocalWorlds.create(dir.resolve("world"));
        engine = world.startEngine();
    }

    @AfterEach
    void closeWorld() {
        world.close();
    }

    @Test
    void aNameDeclaredAgainWithANewTagAfterItsRemovalRunsEveryKeyAgain() throws Exception {
        world.specs().write(FILE, production(RULES));
        RevCommit declared = world.specs().commitAndPush("Merge pull request #1: event building, v001");
        passUntil(r -> complete(r), Duration.ofMinutes(3));
        List<String> first = keys("ana523_nocdbtag_v001");
        assertThat(first).isNotEmpty();
        assertThat(succeeded("ana523_nocdbtag_v001")).isEqualTo(first.size());

        world.specs().revertAndPush(declared);
        passUntil(r -> r.status(NAME).isEmpty(), Duration.ofMinutes(1));
        assertThat(registry().find(NAME).orElseThrow().state()).isEqualTo(ProductionState.REMOVED);
        assertThat(keys("ana523_nocdbtag_v001")).as("policy kill keeps the finished rows").isEqualTo(first);

        Path workingCopy = world.specs().workingCopy();
        world.specs().write(RULES_V2, Files.readString(workingCopy.resolve(RULES))
                .replace("version:     1", "version:     2"));
        world.specs().write(FILE, production(RULES_V2));
        world.specs().commitAndPush("Merge pull request #2: event building again, v002");
        SourceReport applied = engine.refresh();
        PassReport firstPass = engine.pass();
        passUntil(r -> complete(r), Duration.ofMinutes(3));

        assertThat(applied.rejected()).as("a completed removal frees the name").isEmpty();
        assertThat(firstPass.events()).as("the old tag's jobs in the batch history are not the new one's")
                .noneMatch(e -> e.message().contains("adopted"));
        assertThat(firstPass.activity(NAME).submitted()).as("every key submitted at the first pass")
                .isEqualTo(first.size());
        assertThat(keys("ana523_nocdbtag_v002")).as("every key ran again under the new tag").isEqualTo(first);
        assertThat(succeeded("ana523_nocdbtag_v002")).isEqualTo(first.size());
        assertThat(keys("ana523_nocdbtag_v001")).as("the old tag's rows stay as history").isEqualTo(first);
    }

    /** Event building of the MVTX streams of the first runs, with the rules of {@code ruleSet}. */
    private String production(String ruleSet) {
        return LocalWorlds.mvtxStreaming(NAME, ruleSet, world.seeded().firstRun());
    }

    private boolean complete(PassReport report) {
        return report.status(NAME).map(s -> s.state() == ProductionStanding.State.COMPLETE).orElse(false);
    }

    /** The job keys (run/segment/leaf) the ledger table holds for the production under {@code tag}, whatever counts now. */
    private List<String> keys(String tag) throws SQLException {
        return query("SELECT run || '/' || segment || '/' || leaf FROM job WHERE production = ? AND tag = ?"
                + " ORDER BY run, segment, leaf", tag);
    }

    private int succeeded(String tag) throws SQLException {
        return query("SELECT id::text FROM job WHERE production = ? AND tag = ? AND state = 'succeeded'", tag).size();
    }

    private List<String> query(String sql, String tag) throws SQLException {
        try (Connection c = world.catalogs().ledger().getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, NAME);
            s.setString(2, tag);
            List<String> found = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    found.add(rs.getString(1));
                }
            }
            return found;
        }
    }

    private ProductionRegistry registry() {
        return new ProductionRegistry(world.catalogs().ledger(), world.catalogs().retry());
    }

    private PassReport passUntil(Predicate<PassReport> done, Duration timeout) {
        return Passes.until(engine, done, timeout, Duration.ofMillis(500));
    }
}
