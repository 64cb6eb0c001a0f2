package gov.bnl.sphenix.production.spec.names;

import java.util.Collection;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The name of one output of one job:
 * {@code <dsttype>[_<leaf>]_<dataset>_<tag>-<run:08d>-<segment:05d>.root}, for example
 * {@code DST_TRKR_CLUSTER_run3auau_ana468_2024p012_v001-00067962-00042.root} or, for a per-stream
 * product, {@code DST_STREAMING_EVENT_ebdc07_1_run3auau_new_nocdbtag_v001-00067962-00000.root}.
 */
public record OutputFile(String dsttype, Optional<String> leaf, String dataset, Tag tag, int run, int segment) {

    public static final String EXTENSION = ".root";

    /** Where the dataset starts in a name whose leaf and dataset both may hold underscores. */
    private static final Pattern DATASET_START = Pattern.compile("_(run[0-9])");
    private static final Pattern TAIL = Pattern.compile(
            "(?<head>.+)_(?<tag>(new|[a-z]+[0-9]+)_[a-z0-9]+_v[0-9]{3})-(?<run>[0-9]{8})-(?<seg>[0-9]{5})");

    public OutputFile {
        Objects.requireNonNull(dsttype, "dsttype");
        Objects.requireNonNull(leaf, "leaf");
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(tag, "tag");
        if (!CharacterRules.isProduct(dsttype)) {
            throw new IllegalArgumentException("dsttype '" + dsttype + "' must be letters, digits and single underscores");
        }
        leaf.ifPresent(l -> {
            if (!CharacterRules.isProduct(l)) {
                throw new IllegalArgumentException("leaf '" + l + "' must be letters, digits and single underscores");
            }
        });
        if (!CharacterRules.isDataset(dataset)) {
            throw new IllegalArgumentException("dataset '" + dataset
                    + "' must be lower-case letters, digits and single underscores, like run3auau");
        }
        if (run < 0 || run > 99_999_999) {
            throw new IllegalArgumentException("run " + run + " does not fit 8 digits");
        }
        if (segment < 0 || segment > 99_999) {
            throw new IllegalArgumentException("segment " + segment + " does not fit 5 digits");
        }
    }

    public static OutputFile of(String dsttype, String dataset, Tag tag, int run, int segment) {
        return new OutputFile(dsttype, Optional.empty(), dataset, tag, run, segment);
    }

    public static OutputFile ofLeaf(String dsttype, String leaf, String dataset, Tag tag, int run, int segment) {
        return new OutputFile(dsttype, Optional.of(leaf), dataset, tag, run, segment);
    }

    /** The product part: {@code DST_TRKR_CLUSTER} or {@code DST_STREAMING_EVENT_ebdc07_1}. */
    public String product() {
        return leaf.map(l -> dsttype + "_" + l).orElse(dsttype);
    }

    /** The name without extension; logs share it ({@code <stem>.out}, {@code <stem>.err}). */
    public String stem() {
        // built by hand: names are made for every key of every pass, and String.format parses its pattern each time
        return product() + "_" + dataset + "_" + tag + "-" + zeroPadded(run, 8) + "-" + zeroPadded(segment, 5);
    }

    /** {@code value} with leading zeros to {@code width} digits, as {@code %0<width>d} writes it. */
    static String zeroPadded(int value, int width) {
        String digits = Integer.toString(value);
        if (value < 0 || digits.length() >= width) {
            return value < 0 ? String.format("%0" + width + "d", value) : digits;
        }
        return "0".repeat(width - digits.length()) + digits;
    }

    public String fileName() {
        return stem() + EXTENSION;
    }

    public RunGroup runGroup() {
        return RunGroup.of(run);
    }

    /**
     * Parses a file name back into its parts. A dsttype, a leaf and a dataset may all contain
     * underscores, so the split needs two conventions: the longest known dsttype that prefixes the
     * name wins, and the dataset starts at the first {@code _run<digit>} after it (every sPHENIX
     * dataset is named after its running period: run2pp, run3auau, run3line_laser), or else is the
     * last word before the tag.
     */
    public static OutputFile parse(String fileName, Collection<String> knownDsttypes) {
        String stem = fileName.endsWith(EXTENSION) ? fileName.substring(0, fileName.length() - EXTENSION.length()) : fileName;
        Matcher m = TAIL.matcher(stem);
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + fileName
                    + "' is not an output name like DST_CALO_run3auau_ana523_2025p007_v001-00067962-00042.root");
        }
        String head = m.group("head");
        String dsttype = knownDsttypes.stream()
                .filter(d -> head.startsWith(d + "_"))
                .max(Comparator.comparingInt(String::length))
                .orElseThrow(() -> new IllegalArgumentException(
                        "'" + fileName + "' starts with no known dsttype (name part '" + head + "')"));
        String rest = head.substring(dsttype.length());
        Matcher datasetStart = DATASET_START.matcher(rest);
        int split = datasetStart.find() ? datasetStart.start() : rest.lastIndexOf('_');
        String dataset = rest.substring(split + 1);
        Optional<String> leaf = split == 0 ? Optional.empty() : Optional.of(rest.substring(1, split));
        return new OutputFile(dsttype, leaf, dataset, Tag.parse(m.group("tag")),
                Integer.parseInt(m.group("run")), Integer.parseInt(m.group("seg")));
    }

    @Override
    public String toString() {
        return fileName();
    }
}
