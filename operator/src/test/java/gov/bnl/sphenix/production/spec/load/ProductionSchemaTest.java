package gov.bnl.sphenix.production.spec.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import gov.bnl.sphenix.production.RepositoryFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The JSON Schema that editors use must agree with the parser: it accepts every example
 * production, rejects broken ones, and names exactly the keys the parser knows.
 */
class ProductionSchemaTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static JsonNode schemaJson;
    private static JsonSchema schema;

    @BeforeAll
    static void loadSchema() throws IOException {
        try (InputStream in = ProductionSchemaTest.class.getResourceAsStream(
                "/gov/bnl/sphenix/production/spec/production.schema.json")) {
            schemaJson = JSON.readTree(in);
        }
        schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schemaJson);
    }

    private static JsonNode yaml(String text) {
        Object data = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
        return JSON.valueToTree(data);
    }

    @Test
    void everyExampleProductionConformsToTheSchema() throws IOException {
        try (Stream<Path> files = Files.walk(RepositoryFiles.productionSpecs().resolve("productions"))) {
            List<Path> productions = files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
            assertThat(productions).hasSizeGreaterThanOrEqualTo(10);
            for (Path file : productions) {
                Set<ValidationMessage> problems = schema.validate(yaml(Files.readString(file)));
                assertThat(problems).as(file.toString()).isEmpty();
            }
        }
    }

    @Test
    void theSchemaRejectsWhatTheParserRejects() throws IOException {
        String good = Files.readString(RepositoryFiles.productionSpecs().resolve("productions/run3auau/seed-physics.yaml"));
        assertThat(schema.validate(yaml(good.replace("gracePeriod: 24h", "gracePeriod: tomorrow")))).isNotEmpty();
        assertThat(schema.validate(yaml(good.replace("range: [66456, 79999]", "range: [66456 79999]")))).isNotEmpty();
        assertThat(schema.validate(yaml(good.replace("onRemoval:", "onRemove:")))).isNotEmpty();
        assertThat(schema.validate(yaml(good.replace("name: run3auau-seed-physics", "name: Run3_Seed")))).isNotEmpty();
    }

    @Test
    void theSchemaNamesTheKeysTheParserKnows() {
        assertThat(keys("/properties")).isEqualTo(ProductionParser.TOP_KEYS);
        assertThat(keys("/properties/metadata/properties")).isEqualTo(ProductionParser.METADATA_KEYS);
        assertThat(keys("/properties/spec/properties")).isEqualTo(ProductionParser.SPEC_KEYS);
        assertThat(keys("/properties/spec/properties/limits/properties")).isEqualTo(ProductionParser.LIMIT_KEYS);
        assertThat(keys("/properties/spec/properties/onRemoval/properties")).isEqualTo(ProductionParser.REMOVAL_KEYS);
        assertThat(keys("/properties/spec/properties/reruns/items/properties")).isEqualTo(ProductionParser.RERUN_KEYS);
        Set<String> runKeys = new java.util.HashSet<>(RunSelectionParser.KEYS);
        runKeys.add("order");
        assertThat(keys("/$defs/runSelection/properties")).isEqualTo(runKeys);
        assertThat(keys("/$defs/rule/properties")).isEqualTo(RuleParser.RULE_KEYS);
        assertThat(keys("/$defs/rule/properties/params/properties")).isEqualTo(RuleParser.PARAMS_KEYS);
        assertThat(keys("/$defs/rule/properties/input/properties")).isEqualTo(RuleParser.INPUT_KEYS);
        assertThat(keys("/$defs/rule/properties/job/properties")).isEqualTo(RuleParser.JOB_KEYS);
        assertThat(keys("/$defs/rule/properties/job/properties/filesystem/properties")).isEqualTo(RuleParser.FILESYSTEM_KEYS);
    }

    private static Set<String> keys(String pointer) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = schemaJson.at(pointer).fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return Set.copyOf(names);
    }
}
