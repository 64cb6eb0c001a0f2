package gov.bnl.sphenix.production.k8s.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which specs URLs the operator fetches over ssh (key and known hosts from the Secret). */
class SshUrlTest {

    @ParameterizedTest
    @CsvSource({
        "ssh://git@git.example.org/sphenix/production-specs.git, true",
        "git@github.com:sPHENIX-Collaboration/production-specs.git, true",
        "https://git.example.org/sphenix/production-specs.git, false",
        "file:///srv/git/production-specs.git, false",
        "/srv/git/production-specs.git, false"
    })
    void sshUrlsAreRecognised(String url, boolean ssh) {
        assertThat(EnvironmentEngineFactory.isSsh(url)).isEqualTo(ssh);
    }
}
