package gov.bnl.sphenix.production.control;

import gov.bnl.sphenix.production.RepositoryFiles;
import gov.bnl.sphenix.production.batch.local.LocalExecutor;
import gov.bnl.sphenix.production.batch.local.LocalSettings;
import gov.bnl.sphenix.production.tools.demo.DemoWorld;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.SQLException;
import java.util.Map;

/** The demo's world, running today's run scripts on the local executor with the stand-in root.exe. */
final class StandinWorlds {

    private StandinWorlds() {
    }

    /** The demo's world under {@code dir}, two jobs at a time. */
    static DemoWorld create(Path dir) throws IOException, SQLException {
        return DemoWorld.create(dir.resolve("world"), RepositoryFiles.productionSpecs(), 12, 7,
                data -> new LocalExecutor(LocalSettings.defaults().withMaxRunning(2)));
    }

    /**
     * {@code settings} with the stand-in root.exe on the jobs' PATH: 25,000 events per host at
     * 10,000 per file fill segments 0, 1 and 2.
     */
    static EngineSettings withStandin(EngineSettings settings, Path dir) throws IOException {
        Path standin = Files.createDirectories(dir.resolve("standin"));
        Files.copy(RepositoryFiles.productionSpecs().resolve("payloads/standin/root.exe"), standin.resolve("root.exe"),
                StandardCopyOption.COPY_ATTRIBUTES, StandardCopyOption.REPLACE_EXISTING);
        return settings.withJobEnvironment(Map.of("PATH", standin + ":" + System.getenv("PATH"),
                "ROOT_STANDIN_EVENTS_PER_INPUT", "25000", "ROOT_STANDIN_RAW_MAY_BE_ABSENT", "1"));
    }
}
