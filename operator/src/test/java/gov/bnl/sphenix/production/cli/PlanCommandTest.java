package gov.bnl.sphenix.production.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gov.bnl.sphenix.production.RepositoryFiles;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code prodctl plan} without catalogs, the way a pull request's CI without database credentials
 * runs it: a real git repository of the example specs, a base and a head commit, the spec-level
 * diff, the exit codes a CI acts on, and the three output formats.
 */
class PlanCommandTest {

    private static final String SEED = "productions/run3auau/seed-physics.yaml";
    private static final String STREAMING = "productions/run3auau/streaming-physics.yaml";
    private static final String JETS = "productions/run3auau/jets-physics.yaml";

    @TempDir
    Path dir;

    private Path specs;
    private Git git;

    @BeforeEach
    void aSpecsRepository() throws Exception {
        specs = RepositoryFiles.copyOfProductionSpecs(dir.resolve("specs"));
        git = Git.init().setInitialBranch("main").setDirectory(specs.toFile()).call();
        commit("The productions in force");
    }

    @AfterEach
    void close() {
        git.close();
    }

    @Test
    void aPullRequestThatChangesRemovesAndAddsShowsEachAndARemovalThatKillsExitsThree() throws Exception {
        replace(SEED, "memory: 3 GB, 6 GB, 9 GB", "memory: 4 GB, 8 GB");
        Files.delete(specs.resolve(STREAMING));
        Files.writeString(specs.resolve("productions/run3auau/seed-late.yaml"), Files.readString(specs.resolve(SEED))
                .replace("name: run3auau-seed-physics", "name: run3auau-seed-late")
                .replace("range: [66456, 79999]", "range: [80000, 80100]"));
        commit("Bump the seeding ladder, stop event building, seed the late runs");

        StringWriter told = new StringWriter();
        int exit = plan(told, "--base", "HEAD~1", "--head", "HEAD", "--offline");

        String text = told.toString();
        assertThat(exit).as(text).isEqualTo(3);
        assertThat(text).contains("run3auau-seed-physics: changed: memory")
                .contains("run3auau-streaming-physics: removed: its queued, running and held jobs are killed;"
                        + " its outputs stay (on-removal: kill)")
                .contains("run3auau-seed-late: added")
                .contains("job counts unavailable: --offline");
        assertThat(last(text)).isEqualTo("plan: 1 added, 1 changed, 1 removed; ? jobs to submit, ? to kill,"
                + " ? outputs to delete");
    }

    @Test
    void onlyAddingAndChangingIsSafeToMergeAndTheDefaultCompareIsTheWorkingTreeAgainstHead() throws Exception {
        replace(SEED, "range: [66456, 79999]", "range: [66456, 70000]");

        StringWriter told = new StringWriter();
        int exit = plan(told, "--offline");

        assertThat(exit).as(told.toString()).isZero();
        assertThat(told.toString()).contains("(HEAD) -> the working tree").contains("run3auau-seed-physics: changed: runs");
        assertThat(last(told.toString())).startsWith("plan: 0 added, 1 changed, 0 removed;");
    }

    @Test
    void aRemovalThatKeepsItsJobsIsSafeAndOneThatDeletesOutputsSaysWhen() throws Exception {
        Files.delete(specs.resolve(JETS));
        StringWriter keep = new StringWriter();
        int keepExit = plan(keep, "--offline");
        git.checkout().addPath(JETS).call();
        Files.delete(specs.resolve(SEED));
        StringWriter delete = new StringWriter();
        int deleteExit = plan(delete, "--offline");

        assertThat(keepExit).as(keep.toString()).isZero();
        assertThat(keep.toString()).contains("its jobs run on and its outputs stay (on-removal: keep)");
        assertThat(deleteExit).isEqualTo(3);
        assertThat(delete.toString()).contains("its jobs are killed and its outputs deleted after 1 d"
                + " (on-removal: kill-and-delete-outputs)");
    }

    @Test
    void aRevisionRemovingMoreThanTheOperatorsLimitSaysItWillBeHeldAndHowToConfirmIt() throws Exception {
        try (var files = Files.list(specs.resolve("productions/run3auau"))) {
            for (Path file : files.limit(6).toList()) {
                Files.delete(file);
            }
        }

        StringWriter held = new StringWriter();
        int exit = plan(held, "--offline");
        StringWriter allowed = new StringWriter();
        plan(allowed, "--offline", "--max-removals", "10");

        assertThat(exit).isEqualTo(3);
        assertThat(held.toString()).contains("held: the operator holds this revision until it is confirmed: it would"
                + " remove 6 productions").contains("(limits: 5 productions, 1000 jobs)")
                .contains("confirm with the merge commit trailer 'Prodctl-Allow-Removal: 6'");
        assertThat(allowed.toString()).doesNotContain("held:");
    }

    @Test
    void invalidSpecsAtTheHeadExitOneWithEachErrorAtItsFileLineAndColumn() throws Exception {
        replace(SEED, "memory: 3 GB, 6 GB, 9 GB", "memory: lots");

        StringWriter told = new StringWriter();
        int exit = plan(told, "--offline");

        assertThat(exit).isEqualTo(1);
        assertThat(told.toString()).containsPattern("productions/run3auau/seed-physics.yaml:\\d+:\\d+: error: ");
        assertThat(last(told.toString())).startsWith("plan: 1 errors in the working tree; nothing planned");
    }

    @Test
    void aTagBumpedInPlaceIsAnErrorAtItsValueAndNothingIsPlanned() throws Exception {
        String rules = "rules/run3auau/calo_physics_ana530_2025p008_v001.yaml";
        String text = Files.readString(specs.resolve(rules));
        int at = text.indexOf("dbtag:       2025p008", text.indexOf("Full_CALOFITTING_run3physics:"));
        Files.writeString(specs.resolve(rules), text.substring(0, at) + "dbtag:       2025p009"
                + text.substring(at + "dbtag:       2025p008".length()));
        commit("New calibrations for the fitting, in place");
        int line = (int) text.substring(0, at).lines().count();

        StringWriter told = new StringWriter();
        int exit = plan(told, "--base", "HEAD~1", "--head", "HEAD", "--offline");

        assertThat(exit).as(told.toString()).isEqualTo(1);
        assertThat(told.toString()).contains(rules + ":" + line + ":18: error: production run3auau-calofitting-golden"
                + " changes its identity in place (dbtag 2025p008 -> 2025p009)");
        assertThat(last(told.toString())).startsWith("plan: 1 errors in ").contains("(HEAD); nothing planned");
    }

    @Test
    void aBaseGitDoesNotKnowIsAUsageErrorThatSaysHowToFetchIt() throws Exception {
        StringWriter told = new StringWriter();
        int exit = plan(told, "--base", "origin/main", "--offline");

        assertThat(exit).isEqualTo(2);
        assertThat(told.toString()).contains("git knows no commit 'origin/main'").contains("git fetch origin main");
    }

    @Test
    void markdownIsAPullRequestCommentWithAMarkerATableAndFoldedDetails() throws Exception {
        Files.delete(specs.resolve(STREAMING));

        StringWriter told = new StringWriter();
        int exit = plan(told, "--offline", "--format", "markdown");

        List<String> lines = told.toString().lines().toList();
        assertThat(exit).isEqualTo(3);
        assertThat(lines.get(0)).isEqualTo("<!-- prodctl-plan -->");
        assertThat(told.toString()).contains("| production | change | submit | kill | delete |")
                .contains("| `run3auau-streaming-physics` | removed | ? | ? | ? |")
                .contains("<details><summary><code>run3auau-streaming-physics</code>: removed: ")
                .contains("> [!WARNING]");
        assertThat(lines.get(lines.size() - 1)).isEqualTo("`plan: 0 added, 0 changed, 1 removed; ? jobs to submit,"
                + " ? to kill, ? outputs to delete`");
    }

    @Test
    void jsonCarriesEveryProductionTheTotalsAndTheExitCode() throws Exception {
        replace(SEED, "memory: 3 GB, 6 GB, 9 GB", "memory: 4 GB, 8 GB");

        StringWriter told = new StringWriter();
        int exit = plan(told, "--offline", "--format", "json");

        JsonNode json = new ObjectMapper().readTree(told.toString());
        assertThat(exit).isZero();
        assertThat(json.path("exitCode").asInt()).isZero();
        assertThat(json.path("countsAvailable").asBoolean()).isFalse();
        assertThat(json.path("totals").path("changed").asInt()).isEqualTo(1);
        assertThat(json.path("productions")).hasSize(10);
        JsonNode seed = null;
        for (JsonNode p : json.path("productions")) {
            if (p.path("name").asText().equals("run3auau-seed-physics")) {
                seed = p;
            }
        }
        assertThat(seed).isNotNull();
        assertThat(seed.path("change").asText()).isEqualTo("changed");
        assertThat(seed.path("fields").get(0).asText()).isEqualTo("memory");
    }

    @Test
    void withoutGitTheWorkingTreeComparesWithNothing() throws Exception {
        Path loose = RepositoryFiles.copyOfProductionSpecs(dir.resolve("loose"));

        StringWriter told = new StringWriter();
        CommandLine cli = cli(told);
        int exit = cli.execute("--specs", loose.toString(), "--offline");

        assertThat(exit).as(told.toString()).isZero();
        assertThat(last(told.toString())).isEqualTo("plan: 10 added, 0 changed, 0 removed; ? jobs to submit, ? to kill,"
                + " ? outputs to delete");
    }

    @Test
    void noCatalogConfiguredMeansTheSpecLevelDiffAndSaysWhy() throws Exception {
        Files.delete(specs.resolve(JETS));

        StringWriter told = new StringWriter();
        int exit = plan(told);

        assertThat(exit).isZero();
        assertThat(told.toString()).contains("job counts unavailable: no catalog is configured (PRODOP_CATALOG_URL)");
    }

    @Test
    void catalogsThatCannotBeReachedMeanTheSpecLevelDiffAndSayWhy() throws Exception {
        Files.delete(specs.resolve(JETS));
        PlanCommand command = new PlanCommand();
        command.environment = Map.of("PRODOP_CATALOG_URL", "jdbc:postgresql://127.0.0.1:1/nothing",
                "PRODOP_CONNECT_TIMEOUT", "1", "PRODOP_RETRY_ATTEMPTS", "1");
        StringWriter told = new StringWriter();
        CommandLine cli = new CommandLine(command);
        cli.setOut(new PrintWriter(told, true));
        cli.setErr(new PrintWriter(told, true));

        int exit = cli.execute("--specs", specs.toString());

        assertThat(exit).as(told.toString()).isZero();
        assertThat(told.toString()).contains("job counts unavailable: the catalogs could not be read (")
                .contains("run3auau-jets-golden: removed");
        assertThat(last(told.toString())).endsWith("? jobs to submit, ? to kill, ? outputs to delete");
    }

    private int plan(StringWriter output, String... more) {
        String[] all = new String[more.length + 2];
        all[0] = "--specs";
        all[1] = specs.toString();
        System.arraycopy(more, 0, all, 2, more.length);
        return cli(output).execute(all);
    }

    private static CommandLine cli(StringWriter output) {
        PlanCommand command = new PlanCommand();
        command.environment = Map.of();
        CommandLine cli = new CommandLine(command);
        cli.setOut(new PrintWriter(output, true));
        cli.setErr(new PrintWriter(output, true));
        return cli;
    }

    private void replace(String file, String what, String with) throws Exception {
        String text = Files.readString(specs.resolve(file));
        assertThat(text).contains(what);
        Files.writeString(specs.resolve(file), text.replace(what, with));
    }

    private void commit(String message) throws Exception {
        git.add().addFilepattern(".").call();
        git.add().addFilepattern(".").setUpdate(true).call();
        PersonIdent author = new PersonIdent("a physicist", "physicist@sphenix.invalid");
        git.commit().setMessage(message).setAuthor(author).setCommitter(author).call();
    }

    private static String last(String text) {
        List<String> lines = text.lines().toList();
        return lines.get(lines.size() - 1);
    }
}
