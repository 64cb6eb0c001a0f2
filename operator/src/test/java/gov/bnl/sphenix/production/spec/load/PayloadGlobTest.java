package gov.bnl.sphenix.production.spec.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Payload globs read as sphenixprod's {@code find <globs> -type f} reads them. */
class PayloadGlobTest {

    private static final List<String> FILES = List.of("rules/calo_code/run_calo.sh", "rules/calo_code/macros/Fun4All.C",
            "rules/calo_code.txt", "rules/tracking_code/run_jobA.sh", "rules/odbc.ini");

    private static List<String> taken(String glob) {
        Pattern pattern = PayloadGlob.pattern(glob);
        return FILES.stream().filter(f -> pattern.matcher(f).matches()).toList();
    }

    @Test
    void aStarStaysInOnePathPartAndADirectoryTakesEverythingBelowIt() {
        assertThat(taken("rules/calo_code/*")).containsExactly("rules/calo_code/run_calo.sh",
                "rules/calo_code/macros/Fun4All.C");
        assertThat(taken("rules/*.ini")).containsExactly("rules/odbc.ini");
        assertThat(taken("rules/calo_code")).containsExactly("rules/calo_code/run_calo.sh",
                "rules/calo_code/macros/Fun4All.C");
    }

    @Test
    void classesAndSingleCharactersMatchAsInTheShellAndDotsAreLiteral() {
        assertThat(taken("rules/[ct]*_code/run_?*.sh")).containsExactly("rules/calo_code/run_calo.sh",
                "rules/tracking_code/run_jobA.sh");
        assertThat(taken("rules/[!c]*/*.sh")).containsExactly("rules/tracking_code/run_jobA.sh");
        assertThat(taken("rules/calo_code.txt")).containsExactly("rules/calo_code.txt");
        assertThat(taken("rules/calo_codeXtxt")).isEmpty();
    }
}
