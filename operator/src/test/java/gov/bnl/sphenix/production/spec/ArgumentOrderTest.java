package gov.bnl.sphenix.production.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Usage lines compared with sphenixprod's argument order, under the names scripts gave them. */
class ArgumentOrderTest {

    @Test
    void sphenixprodsOrderMatchesUnderItsOwnAndOlderNamesWithAnOptionalDbid() {
        assertThat(ArgumentOrder.mismatch(ArgumentOrder.NAMES)).isEmpty();
        List<String> older = List.of("buildarg", "dataset", "intriplet", "indsttype_str", "runnumber", "segment",
                "daqhost", "inputs", "nevents", "outdir", "hist_dir", "outbase", "neventsper", "dbtag", "logbase",
                "log_dir", "condor_rsync", "dbid");
        assertThat(ArgumentOrder.mismatch(older)).isEmpty();
    }

    @Test
    void theFirstPositionThatDiffersIsNamed() {
        List<String> swapped = new ArrayList<>(ArgumentOrder.NAMES);
        swapped.set(9, "histdir");
        swapped.set(10, "outdir");
        assertThat(ArgumentOrder.mismatch(swapped)).hasValue("argument 10 is <outdir>, the script reads <histdir>");
    }

    @Test
    void tooFewOrTooManyArgumentsAreRefused() {
        assertThat(ArgumentOrder.mismatch(ArgumentOrder.NAMES.subList(0, 8)))
                .hasValue("it reads 8 arguments, the operator passes 17 (the next is <nevents>)");
        List<String> more = new ArrayList<>(ArgumentOrder.NAMES);
        more.add("dbid");
        more.add("extra");
        assertThat(ArgumentOrder.mismatch(more)).hasValue("argument 19 <extra> is more than the 17 passed");
    }
}
