package gov.bnl.sphenix.production.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gov.bnl.sphenix.production.RepositoryFiles;
import gov.bnl.sphenix.production.cli.ProdctlValidateTest.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a user sees when prodctl cannot do what was asked: one line saying why, and the exit code. */
class ProdctlFailuresTest {

    @Test
    void anUnknownCommandIsAnErrorThatNamesTheClosestCommand() {
        Result plain = ProdctlValidateTest.prodctl("nosuch");
        Result withHelp = ProdctlValidateTest.prodctl("statsu", "--help");
        Result afterAnOption = ProdctlValidateTest.prodctl("--verbose", "demp");

        assertThat(plain.exitCode()).isEqualTo(2);
        assertThat(plain.err()).contains("prodctl: no command 'nosuch'; did you mean '");
        assertThat(withHelp.exitCode()).as("not the top-level help").isEqualTo(2);
        assertThat(withHelp.out()).isEmpty();
        assertThat(withHelp.err()).contains("no command 'statsu'; did you mean 'status'?");
        assertThat(afterAnOption.err()).contains("did you mean 'demo'?");
        assertThat(ProdctlValidateTest.prodctl("status", "--help").exitCode()).isZero();
        assertThat(ProdctlValidateTest.prodctl("help", "status").exitCode()).isZero();
    }

    @Test
    void aFailureTheCommandCanNameEndsInOneLineWithoutAStackTrace(@TempDir Path dir) throws IOException {
        Path specs = RepositoryFiles.copyOfProductionSpecs(dir.resolve("specs"));
        Files.writeString(dir.resolve("work"), "a file where the work directory should be");

        Result r = ProdctlValidateTest.prodctl("run", "--once", "--specs", specs.toUri().toString(),
                "--work", dir.resolve("work").toString());
        Result verbose = ProdctlValidateTest.prodctl("run", "--once", "--verbose", "--specs", specs.toUri().toString(),
                "--work", dir.resolve("work").toString());

        assertThat(r.exitCode()).as(r.err()).isEqualTo(1);
        assertThat(r.err()).startsWith("prodctl run: ").doesNotContain("\tat ", "Exception");
        assertThat(verbose.err()).startsWith("prodctl run: ").contains("\tat ");
    }

    @Test
    void aDemoOnAPoolInItsOwnRootMustLiveInTheSharedDirectory(@TempDir Path dir) throws IOException {
        Path share = Files.createDirectories(dir.resolve("minicondor/share"));
        Path elsewhere = dir.resolve("elsewhere");

        assertThatThrownBy(() -> DemoRoot.choose(Optional.of(elsewhere), Optional.of(share), dir, "prodctl-demo-1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("see only " + share)
                .hasMessageContaining(elsewhere + " is outside it")
                .hasMessageContaining("give a --dir under " + share);
        assertThat(DemoRoot.choose(Optional.of(share.resolve("mine")), Optional.of(share), dir, "prodctl-demo-1"))
                .isEqualTo(share.resolve("mine"));
        assertThat(DemoRoot.choose(Optional.empty(), Optional.of(share), dir, "prodctl-demo-1"))
                .isEqualTo(share.resolve("prodctl-demo-1"));
        assertThat(DemoRoot.choose(Optional.of(elsewhere), Optional.empty(), dir, "prodctl-demo-1"))
                .as("a pool on this host sees every directory").isEqualTo(elsewhere);
    }

    @Test
    void aLinkIntoTheSharedDirectoryCountsAsInIt(@TempDir Path dir) throws IOException {
        Path share = Files.createDirectories(dir.resolve("share"));
        Path link = Files.createSymbolicLink(dir.resolve("link"), share);

        assertThat(DemoRoot.choose(Optional.of(link.resolve("demo")), Optional.of(share), dir, "d"))
                .isEqualTo(link.resolve("demo"));
    }
}
