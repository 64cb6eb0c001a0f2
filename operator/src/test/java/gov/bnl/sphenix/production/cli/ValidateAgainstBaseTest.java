package gov.bnl.sphenix.production.cli;

import static org.assertj.core.api.Assertions.assertThat;

import gov.bnl.sphenix.production.RepositoryFiles;
import gov.bnl.sphenix.production.cli.ProdctlValidateTest.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code prodctl validate --base REV}: a pull request that changes a production's identity in place fails. */
class ValidateAgainstBaseTest {

    private static final String CALO_RULES = "rules/run3auau/calo_physics_ana530_2025p008_v001.yaml";
    private static final PersonIdent PHYSICIST = new PersonIdent("A Physicist", "physicist@example.org");

    @TempDir
    Path dir;

    @Test
    void aVersionBumpedInTheWorkingTreeIsAnErrorAtItsLine() throws Exception {
        Path repo = RepositoryFiles.copyOfProductionSpecs(dir.resolve("specs"));
        commitAll(repo);
        Path rules = repo.resolve(CALO_RULES);
        String text = Files.readString(rules);
        int rule = text.indexOf("Full_CALOFITTING_run3physics:");
        int at = text.indexOf("version:     1", rule);
        Files.writeString(rules, text.substring(0, at) + "version:     2" + text.substring(at + "version:     1".length()));
        int line = (int) text.substring(0, at).lines().count();

        Result r = ProdctlValidateTest.prodctl("validate", "--base", "HEAD", repo.toString());

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).contains("specs/" + CALO_RULES + ":" + line + ":18: error: production"
                + " run3auau-calofitting-golden changes its identity in place (version 1 -> 2): jobs of the old tag would"
                + " count as done for the new one — declare a new production (e.g. run3auau-calofitting-golden-v002)"
                + " with the new values, and remove run3auau-calofitting-golden in its own commit (its removal policy"
                + " decides what happens to its jobs and outputs)");
        assertThat(r.lines().get(r.lines().size() - 1)).matches("validate: \\d+ files, 1 error, \\d+ warnings — invalid");
        assertThat(ProdctlValidateTest.prodctl("validate", repo.toString()).exitCode())
                .as("without --base the same tree is valid").isZero();
    }

    @Test
    void aNewProductionForTheNewTagIsFineAndSpecsMayLiveInASubdirectory() throws Exception {
        Path top = dir.resolve("clone");
        Path repo = RepositoryFiles.copyOfProductionSpecs(top.resolve("production-specs"));
        commitAll(top);
        Path old = repo.resolve("productions/run3auau/jets-physics.yaml");
        String jets = Files.readString(old);
        Files.writeString(repo.resolve("productions/run3auau/jets-physics-2025p009.yaml"), jets
                .replace("name: run3auau-jets-golden", "name: run3auau-jets-golden-2025p009")
                .replace("dbtag:       2025p008", "dbtag:       2025p009"));

        Result r = ProdctlValidateTest.prodctl("validate", "--base", "HEAD", repo.toString());

        assertThat(r.exitCode()).as(r.out()).isZero();
        assertThat(r.out()).doesNotContain("identity");
    }

    @Test
    void aBaseOutsideAnyGitRepositoryIsAnErrorThatSaysSo() throws Exception {
        Path repo = RepositoryFiles.copyOfProductionSpecs(dir.resolve("specs"));

        Result r = ProdctlValidateTest.prodctl("validate", "--base", "main", repo.toString());

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).containsPattern("specs:1:1: error: .*specs is not in a git repository: only its working tree"
                + " can be read — compare in a clone of the specs repository, or leave out --base");
    }

    private static void commitAll(Path top) throws GitAPIException {
        try (Git git = Git.init().setDirectory(top.toFile()).setInitialBranch("main").call()) {
            git.add().addFilepattern(".").call();
            git.commit().setMessage("The specs in force").setAuthor(PHYSICIST).setCommitter(PHYSICIST).call();
        }
    }
}
