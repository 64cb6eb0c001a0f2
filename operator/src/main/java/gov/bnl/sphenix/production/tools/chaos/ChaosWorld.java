package gov.bnl.sphenix.production.tools.chaos;

import gov.bnl.sphenix.production.batch.local.LocalExecutor;
import gov.bnl.sphenix.production.batch.local.LocalSettings;
import gov.bnl.sphenix.production.spec.SpecRepository;
import gov.bnl.sphenix.production.spec.names.Layout;
import gov.bnl.sphenix.production.tools.demo.DemoWorld;
import gov.bnl.sphenix.production.tools.seed.SeedSummary;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;

/**
 * The production world a chaos run works on, in one directory: the demo's catalogs (a synthetic
 * catalog of {@code runs} runs) in {@code postgres/}, a specs repository in which event building
 * and clustering are declared (stand-in payloads: the world tests the operator, not physics), and
 * the trees {@code prodctl run --work <root>} writes into. Nothing runs in it until a chaos run
 * starts its database and its operator.
 */
public record ChaosWorld(Path root, String specsUrl, List<String> productions, SeedSummary seeded) {

    /** The demo productions declared, upstream first. */
    private static final List<String> DECLARED = List.of("streaming", "cluster");

    /**
     * Builds the world under {@code root} (empty or absent).
     *
     * @param nameSuffix after every production name: the batch system outlives worlds, and must
     *                   never hand this one the jobs of an earlier one
     */
    public static ChaosWorld build(Path root, Path specsDirectory, int runs, long seed, String nameSuffix)
            throws IOException, SQLException {
        // the world's own engine never starts: its batch system is a placeholder the world requires
        try (DemoWorld world = DemoWorld.create(root, specsDirectory, runs, seed,
                data -> new LocalExecutor(LocalSettings.defaults()), nameSuffix, DemoWorld.Payloads.STAND_IN)) {
            for (String production : DECLARED) {
                world.declare(production, "Merge pull request: start " + world.nameOf(production));
            }
            return new ChaosWorld(root, world.specs().url(),
                    DECLARED.stream().map(world::nameOf).toList(), world.seeded());
        }
    }

    /** The PostgreSQL data directory of the world's catalogs. */
    public static Path database(Path root) {
        return root.resolve("postgres");
    }

    /** The specs the world's operator follows, as committed. */
    public static SpecRepository specs(Path root) {
        return ChaosAudit.specsIn(root.resolve("specs-work"));
    }

    /** Where {@code prodctl run --work <root>} puts DSTs, histograms and logs. */
    public static Layout layout(Path root) {
        return Layout.under(root.resolve("data"));
    }

    /** Where {@code prodctl run --work <root>} finds the payloads the world installed. */
    public static Path payloads(Path root) {
        return root.resolve("payloads");
    }
}
