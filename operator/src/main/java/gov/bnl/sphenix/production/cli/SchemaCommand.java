package gov.bnl.sphenix.production.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Prints the JSON Schema of production files, for editors that validate YAML as you type. */
@Command(name = "schema", mixinStandardHelpOptions = true,
        description = {"Print the JSON Schema of production files.",
                "Editors with a YAML language server validate as you type: add",
                "  # yaml-language-server: $schema=<path to the saved schema>",
                "at the top of a production file."})
final class SchemaCommand implements Callable<Integer> {

    static final String RESOURCE = "/gov/bnl/sphenix/production/spec/production.schema.json";

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        out.print(schema());
        out.flush();
        return 0;
    }

    static String schema() throws IOException {
        try (InputStream in = SchemaCommand.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IOException("the schema is missing from the jar: " + RESOURCE);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
