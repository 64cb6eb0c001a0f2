package gov.bnl.sphenix.production.batch.condor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class SubmitUserTest {

    @Test
    void theUserOfTheWriteRowOfCondorPing() {
        assertThat(SubmitUser.fromPing(CondorOwnerTest.PING_TABLE)).contains("submitter");
    }

    @Test
    void anUnauthenticatedOrUnreadableAnswerNamesNobody() {
        assertThat(SubmitUser.fromPing("""
                Instruction Authentication Encryption Integrity Decision Identity
                      WRITE           none        no        no    ALLOW unauthenticated@unmapped
                """)).isEmpty();
        assertThat(SubmitUser.fromPing("ERROR: couldn't locate schedd")).isEmpty();
        assertThat(SubmitUser.fromPing("WRITE FS AES AES ALLOW \"x\"@vm")).isEmpty();
    }

    @Test
    void aSubmitUserThatIsNoUserNameIsRefused() {
        CondorSettings settings = MiniCondorPool.settings();

        assertThatThrownBy(() -> settings.withSubmitUser("sphnxpro\" || true || \""))
                .hasMessageContaining("is not a user name");
        assertThatThrownBy(() -> settings.withScheddName("two words")).hasMessageContaining("is not a schedd name");
        assertThat(settings.withSubmitUser("sphnxpro").submitUser()).isEqualTo(Optional.of("sphnxpro"));
    }
}
