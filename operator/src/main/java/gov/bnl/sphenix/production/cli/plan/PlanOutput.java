package gov.bnl.sphenix.production.cli.plan;

import gov.bnl.sphenix.production.control.preview.Preview;

/** A plan in the format asked for: {@code text}, {@code markdown} or {@code json}. */
public final class PlanOutput {

    private PlanOutput() {
    }

    /** @param exitCode what the command exits with, which the JSON form carries for scripts */
    public static String render(Preview preview, String format, int exitCode) {
        return switch (format) {
            case "text" -> PlanText.render(preview);
            case "markdown" -> PlanMarkdown.render(preview);
            case "json" -> PlanJson.render(preview, exitCode) + "\n";
            default -> throw new IllegalArgumentException("a plan is text, markdown or json, not " + format);
        };
    }
}
