package gov.bnl.sphenix.production.spec;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DiagnosticTextTest {

    private static final SourceLocation AT = new SourceLocation("productions/p.yaml", 4, 9);

    @Test
    void aLongQuotedValueIsCutToTwoHundredCharactersWithAnEllipsis() {
        String value = "x".repeat(5000);
        Diagnostic d = Diagnostic.error(AT, "mask '" + value + "' names no detector", "use TPC17");
        assertThat(d.message()).isEqualTo("mask '" + "x".repeat(200) + "…' names no detector");
        assertThat(Diagnostic.error(AT, "is one string \"" + value + "\"", "write [a, b]").message())
                .isEqualTo("is one string \"" + "x".repeat(200) + "…\"");
        assertThat(new Diagnostic(d.severity(), d.at(), d.message(), d.fix())).as("cleaning twice changes nothing")
                .isEqualTo(d);
    }

    @Test
    void shortValuesAndApostrophesAreLeftAlone() {
        String message = "'Rule.job.filesystem' is ignored: outputs go where the operator's layout puts them, "
                + "x".repeat(300) + " and 'b'";
        assertThat(Diagnostic.warning(AT, message, "ok").message()).isEqualTo(message);
    }

    @Test
    void lineBreaksAndDirectionOverridesAreShownAsEscapes() {
        Diagnostic d = Diagnostic.error(AT, "accounting_group 'a\nqueue\r\t\u202Eevil\u0000' is not one word", "x\ny");
        assertThat(d.toString()).isEqualTo("productions/p.yaml:4:9: error: accounting_group"
                + " 'a\\nqueue\\r\\t\\u202Eevil\\u0000' is not one word — x\\ny");
        assertThat(new SourceLocation("productions/a\nb.yaml", 1, 1)).hasToString("productions/a\\nb.yaml:1:1");
    }

    @Test
    void anUnquotedFloodIsCutToAThousandCharacters() {
        Diagnostic d = Diagnostic.error(AT, "too large: " + "9".repeat(100_000), "z".repeat(3000));
        assertThat(d.message()).hasSize(1001).endsWith("9…");
        assertThat(d.fix()).hasSize(1001);
    }
}
