package gov.bnl.sphenix.production.batch.condor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CommandRunnerTest {

    @Test
    void theToolsSeeTheirAllowListNeverTheOperatorsPasswords() {
        Map<String, String> operator = Map.of("PATH", "/usr/bin:/bin", "HOME", "/home/prodop",
                "PGPASSWORD", "s3cret", "PRODOP_CATALOG_PASSWORD", "s3cret", "PRODOP_CATALOG_URL", "jdbc:postgresql://db/x",
                "CONDOR_CONFIG", "/etc/condor/condor_config", "_CONDOR_SCHEDD_HOST", "sphnxsub01");

        CommandResult result = new CommandRunner(operator).run(List.of("/usr/bin/env"), null, Duration.ofSeconds(20));

        assertThat(result.succeeded()).isTrue();
        assertThat(result.stdout().lines()).containsExactlyInAnyOrder("PATH=/usr/bin:/bin", "HOME=/home/prodop",
                "CONDOR_CONFIG=/etc/condor/condor_config", "_CONDOR_SCHEDD_HOST=sphnxsub01");
    }
}
