package gov.bnl.sphenix.production.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ChildEnvironmentTest {

    private static final Map<String, String> OPERATOR = Map.ofEntries(
            Map.entry("PATH", "/usr/bin:/bin"), Map.entry("HOME", "/home/prodop"), Map.entry("LANG", "C.UTF-8"),
            Map.entry("TMPDIR", "/scratch"), Map.entry("PGPASSWORD", "s3cret"), Map.entry("PRODOP_CATALOG_PASSWORD", "s3cret"),
            Map.entry("PRODOP_FILECATALOG_URL", "jdbc:postgresql://u:p@db/fc"), Map.entry("KUBERNETES_SERVICE_HOST", "10.0.0.1"),
            Map.entry("CONDOR_CONFIG", "/etc/condor/condor_config"),
            Map.entry("_CONDOR_SCRATCH_DIR", "/var/lib/condor/execute/dir_1"), Map.entry("FAKE_JOB_SECONDS", "3"),
            Map.entry("HOSTNAME", "prodop-0"));

    @Test
    void condorToolsGetTheirConfigurationAndNoSecrets() {
        assertThat(ChildEnvironment.CONDOR_TOOLS.of(OPERATOR)).containsOnlyKeys("PATH", "HOME", "LANG", "TMPDIR",
                "CONDOR_CONFIG", "_CONDOR_SCRATCH_DIR");
    }

    @Test
    void jobsGetTheirScratchAndKnobsAndNoSecrets() {
        assertThat(ChildEnvironment.JOBS.of(OPERATOR)).containsOnlyKeys("PATH", "HOME", "LANG", "TMPDIR",
                "_CONDOR_SCRATCH_DIR", "FAKE_JOB_SECONDS", "HOSTNAME");
    }

    @Test
    void aBuilderStartsFromNothingButTheAllowList() {
        ProcessBuilder builder = new ProcessBuilder("true");
        builder.environment().put("PGPASSWORD", "inherited");

        ChildEnvironment.JOBS.applyTo(builder, OPERATOR);

        assertThat(builder.environment()).doesNotContainKeys("PGPASSWORD", "PRODOP_CATALOG_PASSWORD")
                .containsEntry("PATH", "/usr/bin:/bin");
    }
}
