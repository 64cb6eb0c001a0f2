package gov.bnl.sphenix.production;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The two tables of the "Packages" section of docs/architecture.md as data: each layer with the
 * project packages and the libraries it may depend on, and each library with its Java packages.
 * A "depends on" cell is a comma-separated list of project packages in backticks and library names
 * of the library table; anything else in it is an error, so a typo cannot silently allow nothing.
 */
record LayerTable(List<Layer> layers, Map<String, List<String>> libraries) {

    static final String BASE = "gov.bnl.sphenix.production";

    private static final String LAYER_HEADER = "| package | owns | depends on |";
    private static final String LIBRARY_HEADER = "| library | Java packages |";
    private static final Pattern IN_BACKTICKS = Pattern.compile("^`([a-z0-9.]+)`$");

    /** One row of the package table: a package relative to {@link #BASE}, with what it may use. */
    record Layer(String name, List<String> packages, List<String> libraries) {

        String qualifiedName() {
            return BASE + "." + name;
        }

        /** The class's package is this layer's package or one of its sub-packages. */
        boolean contains(String packageName) {
            return within(packageName, qualifiedName());
        }
    }

    static LayerTable read(Path architectureMd) throws IOException {
        List<String> lines = Files.readAllLines(architectureMd);
        Map<String, List<String>> libraries = new LinkedHashMap<>();
        for (String[] row : rowsAfter(lines, LIBRARY_HEADER)) {
            libraries.put(row[0], Arrays.stream(row[1].split(",")).map(String::trim).map(LayerTable::unquote).toList());
        }
        List<String[]> layerRows = rowsAfter(lines, LAYER_HEADER);
        List<String> names = layerRows.stream().map(row -> unquote(row[0])).toList();
        List<Layer> layers = new ArrayList<>();
        for (String[] row : layerRows) {
            List<String> packages = new ArrayList<>();
            List<String> libs = new ArrayList<>();
            for (String item : row[2].split(",")) {
                String entry = item.trim();
                if (IN_BACKTICKS.matcher(entry).matches()) {
                    String dependency = unquote(entry);
                    if (!names.contains(dependency)) {
                        throw new IllegalArgumentException("`" + dependency + "` in the row of " + row[0]
                                + " is not a package of the table");
                    }
                    packages.add(dependency);
                } else if (libraries.containsKey(entry)) {
                    libs.add(entry);
                } else {
                    throw new IllegalArgumentException("\"" + entry + "\" in the row of " + row[0]
                            + " is neither a package in backticks nor a library of the library table");
                }
            }
            layers.add(new Layer(unquote(row[0]), List.copyOf(packages), List.copyOf(libs)));
        }
        return new LayerTable(List.copyOf(layers), libraries);
    }

    /** The layer a package belongs to: the row with the longest package that contains it. */
    Optional<Layer> layerOf(String packageName) {
        return layers.stream().filter(l -> l.contains(packageName))
                .max((a, b) -> Integer.compare(a.name().length(), b.name().length()));
    }

    /** Every Java package prefix a layer may use: its own, the layers it names, and its libraries'. */
    List<String> allowedPackages(Layer layer) {
        List<String> allowed = new ArrayList<>();
        allowed.add(layer.qualifiedName());
        layer.packages().forEach(p -> allowed.add(BASE + "." + p));
        layer.libraries().forEach(l -> allowed.addAll(libraries.get(l)));
        return allowed;
    }

    static boolean within(String packageName, String prefix) {
        return packageName.equals(prefix) || packageName.startsWith(prefix + ".");
    }

    /** The cells of the table under {@code header}, up to the first line that is not a row. */
    private static List<String[]> rowsAfter(List<String> lines, String header) {
        int start = lines.indexOf(header);
        if (start < 0) {
            throw new IllegalArgumentException("no table with the header " + header);
        }
        List<String[]> rows = new ArrayList<>();
        // the line after the header is the |---| separator
        for (int i = start + 2; i < lines.size() && lines.get(i).startsWith("|"); i++) {
            String line = lines.get(i).trim();
            String[] cells = line.substring(1, line.length() - 1).split("\\|");
            rows.add(Arrays.stream(cells).map(String::trim).toArray(String[]::new));
        }
        return rows;
    }

    private static String unquote(String cell) {
        Matcher m = IN_BACKTICKS.matcher(cell);
        if (!m.matches()) {
            throw new IllegalArgumentException(cell + " is not a package name in backticks");
        }
        return m.group(1);
    }
}
