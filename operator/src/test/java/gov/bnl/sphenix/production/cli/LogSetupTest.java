package gov.bnl.sphenix.production.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.util.ContextInitializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gov.bnl.sphenix.production.RepositoryFiles;
import gov.bnl.sphenix.production.cli.ProdctlValidateTest.Result;
import gov.bnl.sphenix.production.control.events.EventKind;
import gov.bnl.sphenix.production.control.events.EventLog;
import gov.bnl.sphenix.production.job.JobKey;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** A command's log: quiet unless asked, the long-running commands' own lines kept, JSON when asked. */
class LogSetupTest {

    @AfterEach
    void backToTheDefaultConfiguration() throws Exception {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.reset();
        new ContextInitializer(context).autoConfig();
    }

    private static LogSetup.Choice choice(String... args) {
        Prodctl prodctl = new Prodctl();
        picocli.CommandLine cli = new picocli.CommandLine(prodctl).setCaseInsensitiveEnumValuesAllowed(true);
        return Prodctl.logChoice(cli.parseArgs(args), prodctl.verbose);
    }

    @Test
    void aCommandIsQuietUnlessVerboseAndTheLongRunningOnesKeepTheirOwnLines() {
        assertThat(choice("demo")).isEqualTo(new LogSetup.Choice(false, false, LogSetup.Format.TEXT));
        assertThat(choice("demo").root()).isEqualTo(Level.WARN);
        assertThat(choice("demo").own()).isEqualTo(Level.WARN);
        assertThat(choice("demo", "--verbose").root()).isEqualTo(Level.INFO);
        assertThat(choice("run", "--specs", "file:///x").own()).isEqualTo(Level.INFO);
        assertThat(choice("run", "--specs", "file:///x").root()).isEqualTo(Level.WARN);
        assertThat(choice("operator", "--log-format", "json").format()).isEqualTo(LogSetup.Format.JSON);
        assertThat(choice("run", "--specs", "file:///x", "--log-format", "JSON").format()).isEqualTo(LogSetup.Format.JSON);
    }

    @Test
    void anUnknownLogFormatIsRefusedWithTheChoices() {
        Result r = ProdctlValidateTest.prodctl("operator", "--log-format", "yaml");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("--log-format", "text or json, not 'yaml'");
    }

    @Test
    void runWritesOneJsonObjectPerLogLine(@TempDir Path dir) throws Exception {
        Path specs = RepositoryFiles.copyOfProductionSpecs(dir.resolve("specs"));
        try (Git git = Git.init().setDirectory(specs.toFile()).setInitialBranch("main").call()) {
            git.add().addFilepattern(".").call();
            git.commit().setMessage("specs").setAuthor("test", "test@example.org").setCommitter("test", "test@example.org")
                    .setSign(false).call();
        }
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        PrintStream original = System.err;
        Result r;
        System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
        try {
            r = ProdctlValidateTest.prodctl("run", "--once", "--log-format", "json", "--specs", specs.toUri().toString(),
                    "--work", dir.resolve("work").toString());
        } finally {
            System.setErr(original);
        }

        List<JsonNode> lines = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        for (String line : log.toString(StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList()) {
            lines.add(json.readTree(line));
        }
        assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
        assertThat(lines).isNotEmpty().allSatisfy(line -> {
            assertThat(line.isObject()).isTrue();
            assertThat(line.path("level").asText()).isNotEmpty();
            assertThat(line.path("formattedMessage").isTextual()).isTrue();
        });
        assertThat(lines).extracting(line -> line.path("loggerName").asText())
                .anyMatch(name -> name.startsWith("gov.bnl.sphenix.production"))
                .noneMatch(name -> name.startsWith("com.zaxxer") || name.startsWith("org.flywaydb"));
        assertThat(lines).extracting(line -> line.path("formattedMessage").asText())
                .anyMatch(message -> message.startsWith("embedded PostgreSQL up on port "));
        assertThat(lines).as("engine events carry their production and kind as fields")
                .filteredOn(line -> line.path("loggerName").asText().endsWith(".events"))
                .anySatisfy(line -> {
                    assertThat(line.path("kvpList").findValuesAsText("production")).singleElement().asString().isNotBlank();
                    assertThat(line.path("kvpList").findValuesAsText("kind")).containsExactly("declared");
                    assertThat(line.path("kvpList").findValuesAsText("revision")).singleElement().asString()
                            .matches("[0-9a-f]{40}");
                });
    }

    @Test
    void aSubmitEventIsAJsonLineWithItsProductionJobAndRevision() throws Exception {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        PrintStream original = System.err;
        System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
        try {
            LogSetup.apply(new LogSetup.Choice(false, true, LogSetup.Format.JSON));
            EventLog events = new EventLog(Clock.systemUTC());
            events.revision("3f9c2e1a0b4c5d6e7f8091a2b3c4d5e6f7081920");
            events.info("calo", List.of(JobKey.of("calo", 67962, 42)), EventKind.SUBMITTED,
                    "submitted 1 job for run 67962 at 2 GB");
        } finally {
            System.setErr(original);
        }

        List<String> lines = log.toString(StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
        assertThat(lines).hasSize(1);
        JsonNode fields = new ObjectMapper().readTree(lines.get(0)).path("kvpList");
        assertThat(fields.findValuesAsText("production")).containsExactly("calo");
        assertThat(fields.findValuesAsText("kind")).containsExactly("submitted");
        assertThat(fields.findValuesAsText("job")).containsExactly("calo/67962/42");
        assertThat(fields.findValuesAsText("revision")).containsExactly("3f9c2e1a0b4c5d6e7f8091a2b3c4d5e6f7081920");
    }
}
