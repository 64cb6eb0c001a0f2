package gov.bnl.sphenix.production.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gov.bnl.sphenix.production.RepositoryFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code prodctl validate} and {@code prodctl schema} as a user and a CI job see them. */
class ProdctlValidateTest {

    record Result(int exitCode, String out, String err) {
        List<String> lines() {
            return out.lines().toList();
        }
    }

    static Result prodctl(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Prodctl.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void theExampleRepositoryIsValid() {
        Result r = prodctl("validate", RepositoryFiles.productionSpecs().toString());
        assertThat(r.exitCode()).isZero();
        assertThat(r.lines().get(r.lines().size() - 1)).matches("validate: \\d+ files, 0 errors, \\d+ warnings — valid");
    }

    @Test
    void aBrokenFileFailsWithFileLineColumnAndAFix(@TempDir Path dir) throws IOException {
        Path repo = RepositoryFiles.copyOfProductionSpecs(dir.resolve("specs"));
        Path broken = repo.resolve("productions/run3auau/calo-physics.yaml");
        Files.writeString(broken, Files.readString(broken).replace("file: runlists/run3auau_calo_golden.txt",
                "range: [72500 75000]"));
        Result r = prodctl("validate", repo.toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).containsPattern("specs/productions/run3auau/calo-physics\\.yaml:10:13: error: "
                + "spec\\.runs\\.range is one string \"72500 75000\": YAML needs commas between list items — write \\[72500, 75000]");
        assertThat(r.lines().get(r.lines().size() - 1)).endsWith("— invalid");
    }

    @Test
    void jsonOutputIsForMachines(@TempDir Path dir) throws IOException {
        Path repo = RepositoryFiles.copyOfProductionSpecs(dir.resolve("specs"));
        Files.writeString(repo.resolve("productions/bad.yaml"), "apiVersion: production.sphenix.bnl.gov/v1alpha1\n"
                + "kind: Production\nmetadata: {name: bad}\nspec:\n  rules: {}\n");
        Result r = prodctl("validate", "--format", "json", repo.toString());
        assertThat(r.exitCode()).isEqualTo(1);
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertThat(json.get("valid").asBoolean()).isFalse();
        assertThat(json.get("files").asInt()).isGreaterThan(10);
        JsonNode first = json.get("errors").get(0);
        assertThat(first.get("file").asText()).endsWith("productions/bad.yaml");
        assertThat(first.get("line").asInt()).isEqualTo(5);
        assertThat(first.get("column").asInt()).isEqualTo(3);
        assertThat(first.get("message").asText()).isEqualTo("unknown key 'rules' in 'spec'");
        assertThat(first.get("fix").asText()).isEqualTo("did you mean 'rule'?");
    }

    @Test
    void singleFilesValidateOnTheirOwnOrAgainstTheirRepository() {
        Path production = RepositoryFiles.productionSpecs().resolve("productions/run3auau/seed-physics.yaml");
        Path ruleSet = RepositoryFiles.productionSpecs().resolve("rules/run3auau/calo_physics_ana530_2025p008_v001.yaml");
        Path shortFormat = RepositoryFiles.root().resolve("operator/src/test/resources/spec/shortformat/tracking_current_revision.yaml");
        Result r = prodctl("validate", production.toString(), ruleSet.toString(), shortFormat.toString());
        assertThat(r.exitCode()).as(r.out()).isZero();
        assertThat(r.out()).contains("validate: ");
    }

    @Test
    void aSubdirectoryIsCheckedAsPartOfItsRepository() {
        Result r = prodctl("validate", RepositoryFiles.productionSpecs().resolve("productions").toString());
        assertThat(r.exitCode()).as(r.out()).isZero();
        assertThat(r.out()).doesNotContain("never activated").contains("14 files");
    }

    @Test
    void aMissingPathIsAnError() {
        Result r = prodctl("validate", "no/such/specs");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).contains("no/such/specs:1:1: error: no such file or directory");
    }

    @Test
    void noPathIsAUsageError() {
        Result r = prodctl("validate");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("Missing required parameter");
    }

    @Test
    void schemaPrintsAJsonSchema() throws IOException {
        Result r = prodctl("schema");
        assertThat(r.exitCode()).isZero();
        JsonNode schema = new ObjectMapper().readTree(r.out());
        assertThat(schema.get("$schema").asText()).contains("json-schema.org");
        assertThat(schema.at("/properties/kind/const").asText()).isEqualTo("Production");
    }
}
