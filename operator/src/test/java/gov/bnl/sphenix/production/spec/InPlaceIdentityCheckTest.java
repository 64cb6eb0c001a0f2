package gov.bnl.sphenix.production.spec;

import static org.assertj.core.api.Assertions.assertThat;

import gov.bnl.sphenix.production.RepositoryFiles;
import gov.bnl.sphenix.production.spec.InPlaceIdentityCheck.IdentityChange;
import gov.bnl.sphenix.production.spec.ProductionIdentity.Field;
import gov.bnl.sphenix.production.spec.load.SpecLoader;
import gov.bnl.sphenix.production.spec.names.Tag;
import gov.bnl.sphenix.production.spec.tree.DirectoryTree;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A production may not change what it makes under its old name: every identity value, and nothing else. */
class InPlaceIdentityCheckTest {

    private static final String CALO_RULES = "rules/run3auau/calo_physics_ana530_2025p008_v001.yaml";
    private static final String TRACKING_RULES = "rules/run3auau/tracking_physics_ana523_2025p007_v001.yaml";
    private static final String FITTING = "run3auau-calofitting-golden";

    @TempDir
    Path dir;

    private static final SpecRepository EXAMPLE = SpecLoader.load(new DirectoryTree(RepositoryFiles.productionSpecs()))
            .repository().orElseThrow();

    /** Each value, changed alone, with what it becomes. */
    private static final Map<Field, String> NEW_VALUES = Map.of(Field.DSTTYPE, "DST_CALOFITTING_NEW",
            Field.DATASET, "run3auau_rerun", Field.BUILD, "ana531", Field.DBTAG, "2025p009", Field.VERSION, "2");

    @ParameterizedTest
    @EnumSource(Field.class)
    void everyIdentityValueChangedInPlaceIsAChange(Field field) {
        Production before = EXAMPLE.production(FITTING).orElseThrow();
        Production after = with(before, field, NEW_VALUES.get(field));

        List<IdentityChange> changes = InPlaceIdentityCheck.changes(EXAMPLE.productions(), List.of(after));

        assertThat(changes).singleElement().satisfies(c -> {
            assertThat(c.name()).isEqualTo(FITTING);
            assertThat(c.differences()).extracting(ProductionIdentity.Difference::field).containsExactly(field);
            assertThat(c.describe()).isEqualTo(field.key() + " " + field.valueOf(ProductionIdentity.of(before)) + " -> "
                    + NEW_VALUES.get(field));
            boolean ofTheTag = field == Field.BUILD || field == Field.DBTAG || field == Field.VERSION;
            assertThat(InPlaceIdentityCheck.error(c, before.rule().at()).message())
                    .contains("jobs of the old " + (ofTheTag ? "tag" : "identity") + " would count as done");
        });
    }

    @Test
    void unchangedProductionsAndChangesOfOtherFieldsAreNotFlagged() {
        Production before = EXAMPLE.production(FITTING).orElseThrow();
        Production otherwiseChanged = new Production(before.name(), before.file(), before.ruleSetFile(),
                before.rule(), before.runs(), before.order(), List.of("TPC17"), before.segments(),
                before.priority() + 100, before.memory(), before.limits(), !before.submit(), before.harvest(),
                before.onRemoval(), before.reruns());

        assertThat(InPlaceIdentityCheck.changes(EXAMPLE.productions(), EXAMPLE.productions())).isEmpty();
        assertThat(InPlaceIdentityCheck.check(EXAMPLE.productions(), List.of(otherwiseChanged))).isEmpty();
    }

    @Test
    void productionsAddedOrRemovedAreNotFlagged() {
        List<Production> all = EXAMPLE.productions();
        Production renamed = rename(with(all.get(0), Field.DBTAG, "2025p099"), "a-new-production");

        assertThat(InPlaceIdentityCheck.check(all, List.of(renamed))).as("added").isEmpty();
        assertThat(InPlaceIdentityCheck.check(all, all.subList(1, all.size()))).as("removed").isEmpty();
        assertThat(InPlaceIdentityCheck.check(List.of(), all)).as("all new").isEmpty();
    }

    @Test
    void aValueBumpedInTheRuleSetIsReportedWhereItIsWritten() throws IOException {
        Path repo = RepositoryFiles.copyOfProductionSpecs(dir.resolve("specs"));
        String rules = editRule(repo, CALO_RULES, "Full_CALOFITTING_run3physics", "dbtag:       2025p008",
                "dbtag:       2025p009");
        DirectoryTree head = new DirectoryTree(repo);

        List<Diagnostic> found = InPlaceIdentityCheck.check(EXAMPLE.productions(), load(head).productions(), head);

        assertThat(found).singleElement().hasToString(CALO_RULES + ":" + lineOf(rules, "Full_CALOFITTING_run3physics",
                "dbtag:") + ":18: error: production " + FITTING + " changes its identity in place (dbtag 2025p008 ->"
                + " 2025p009): jobs of the old tag would count as done for the new one — declare a new production"
                + " (e.g. " + FITTING + "-2025p009) with the new values, and remove " + FITTING + " in its own commit"
                + " (its removal policy decides what happens to its jobs and outputs)");
    }

    @Test
    void aProductionPointedAtAnotherRuleIsReportedAtItsReference() throws IOException {
        Path repo = RepositoryFiles.copyOfProductionSpecs(dir.resolve("specs"));
        Path file = repo.resolve("productions/run3auau/calofitting-physics.yaml");
        Files.writeString(file, Files.readString(file).replace(CALO_RULES, "rules/run3auau/calo_physics_v002.yaml"));
        Files.writeString(repo.resolve("rules/run3auau/calo_physics_v002.yaml"),
                Files.readString(repo.resolve(CALO_RULES)).replace("version:     1", "version:     2"));
        DirectoryTree head = new DirectoryTree(repo);

        List<Diagnostic> found = InPlaceIdentityCheck.check(EXAMPLE.productions(), load(head).productions(), head);

        assertThat(found).singleElement().satisfies(d -> {
            assertThat(d.at()).isEqualTo(new SourceLocation("productions/run3auau/calofitting-physics.yaml", 7, 14));
            assertThat(d.message()).contains("(version 1 -> 2)");
            assertThat(d.fix()).contains("e.g. " + FITTING + "-v002");
        });
    }

    @Test
    void anInlineRuleIsReportedAtItsValue() throws IOException {
        Path repo = RepositoryFiles.copyOfProductionSpecs(dir.resolve("specs"));
        String rule = ruleBlock(repo.resolve(TRACKING_RULES), "Full_TRKR_CLUSTER_run3physics");
        Path file = repo.resolve("productions/run3auau/cluster-physics.yaml");
        String inline = "    inline:\n" + rule.lines().skip(1).map(l -> "    " + l).reduce("", (a, b) -> a + b + "\n");
        String before = Files.readString(file).replaceAll("    ruleSet: .*\n    name: .*\n", inline)
                .replace("[tracking_code/*]", "[../../rules/run3auau/tracking_code/*]");
        Files.writeString(file, before);
        SpecRepository base = load(new DirectoryTree(repo));
        String after = before.replace("build:       ana.523", "build:       ana.524");
        Files.writeString(file, after);
        DirectoryTree head = new DirectoryTree(repo);

        List<Diagnostic> found = InPlaceIdentityCheck.check(base.productions(), load(head).productions(), head);

        assertThat(found).singleElement().satisfies(d -> {
            assertThat(d.at()).isEqualTo(new SourceLocation("productions/run3auau/cluster-physics.yaml",
                    lineOf(after, "inline:", "build:"), 22));
            assertThat(d.message()).contains("(build ana523 -> ana524)");
        });
    }

    @Test
    void theSuggestedNameReplacesTheOldValueWhenTheNameCarriesIt() {
        Production before = rename(EXAMPLE.production(FITTING).orElseThrow(), "calofitting-2025p008");
        IdentityChange change = InPlaceIdentityCheck.changes(List.of(before), List.of(with(before, Field.DBTAG, "2025p009")))
                .get(0);

        assertThat(change.suggestedName()).isEqualTo("calofitting-2025p009");
        assertThat(ProductionIdentity.of(before).describe()).isEqualTo("DST_CALOFITTING run3auau ana530_2025p008_v001");
    }

    static Production with(Production p, Field field, String value) {
        RuleParams params = p.rule().params();
        Tag tag = params.tag();
        RuleParams changed = new RuleParams(field == Field.DSTTYPE ? value : params.dsttype(), params.period(),
                params.physicsmode(), field == Field.DATASET ? value : params.dataset(),
                Tag.of(field == Field.BUILD ? value : tag.build(), field == Field.DBTAG ? value : tag.dbtag(),
                        field == Field.VERSION ? Integer.parseInt(value) : tag.version()));
        Rule rule = new Rule(p.rule().name(), changed, p.rule().input(), p.rule().job(), p.rule().at());
        return new Production(p.name(), p.file(), p.ruleSetFile(), rule, p.runs(), p.order(), p.masks(), p.segments(),
                p.priority(), p.memory(), p.limits(), p.submit(), p.harvest(), p.onRemoval(), p.reruns());
    }

    private static Production rename(Production p, String name) {
        return new Production(name, p.file(), p.ruleSetFile(), p.rule(), p.runs(), p.order(), p.masks(), p.segments(),
                p.priority(), p.memory(), p.limits(), p.submit(), p.harvest(), p.onRemoval(), p.reruns());
    }

    private static SpecRepository load(DirectoryTree tree) {
        ValidationReport report = SpecLoader.load(tree);
        assertThat(report.errors()).as("the edited specs validate").isEmpty();
        return report.repository().orElseThrow();
    }

    /** Replaces {@code from} by {@code to} in one rule of a rule set; returns the new text. */
    static String editRule(Path repo, String ruleSet, String rule, String from, String to) throws IOException {
        Path file = repo.resolve(ruleSet);
        String text = Files.readString(file);
        int start = text.indexOf(rule + ":");
        int at = text.indexOf(from, start);
        String edited = text.substring(0, at) + to + text.substring(at + from.length());
        Files.writeString(file, edited);
        return edited;
    }

    /** The 1-based line of the first {@code key} after {@code after}. */
    static int lineOf(String text, String after, String key) {
        int at = text.indexOf(key, text.indexOf(after));
        return (int) text.substring(0, at).lines().count() + (text.charAt(at - 1) == '\n' ? 1 : 0);
    }

    private static String ruleBlock(Path ruleSet, String rule) throws IOException {
        String text = Files.readString(ruleSet);
        int start = text.indexOf(rule + ":");
        int end = text.indexOf("#___", start);
        return text.substring(start, end == -1 ? text.length() : end).stripTrailing() + "\n";
    }
}
