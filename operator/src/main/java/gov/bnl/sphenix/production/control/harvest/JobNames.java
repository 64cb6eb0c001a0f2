package gov.bnl.sphenix.production.control.harvest;

import gov.bnl.sphenix.production.spec.names.OutputFile;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The names one job of the sphenixprod convention can write, from its ledger row's key alone: its
 * DSTs {@code <outbase>-<run:08d>-<seg:05d>.root} ({@code outbase} = product, dataset, tag) for
 * the same run and a segment it can write ({@link WritableSegments}), and its histogram files for
 * the same run and segments. Today's scripts name histogram files in three ways, all taken:
 * {@code HIST_<outbase>} (the rolling macros, JobA, JobC) or {@code CALIB_<outbase>},
 * {@code HIST_<outbase without DST_>} (the operator's own layout), and the calorimeter QA form
 * {@code HIST_<dsttype without DST_>QA[_<leaf>]_<dataset>_<tag>} ({@code DST_CALOFITTING} →
 * {@code HIST_CALOFITTINGQA}). A histogram file is catalogued under its product part, as
 * sphenixprod's spider splits it: everything before {@code _<dataset>_<tag>}.
 */
final class JobNames {

    private static final String DST_PREFIX = "DST_";
    /** What follows a name's head: {@code -<run:08d>-<seg:05d>.root}. */
    private static final String TAIL_FORM = "-00000000-00000.root";

    private final OutputFile job;
    private final WritableSegments segments;
    private final String outbase;
    /** name head (product, dataset, tag) → the product a histogram file is catalogued under */
    private final Map<String, String> histogramHeads = new LinkedHashMap<>();

    JobNames(OutputFile job, WritableSegments segments) {
        this.job = job;
        this.segments = segments;
        String namespace = "_" + job.dataset() + "_" + job.tag();
        this.outbase = job.product() + namespace;
        String product = job.product();
        String bare = strip(product);
        String qa = strip(job.dsttype()) + "QA" + job.leaf().map(l -> "_" + l).orElse("");
        for (String histogram : new String[] {"HIST_" + product, "CALIB_" + product, "HIST_" + bare, "CALIB_" + bare,
                "HIST_" + qa}) {
            histogramHeads.putIfAbsent(histogram + namespace, histogram);
        }
    }

    /** The DST {@code lfn} names, when it is one this job can write. */
    Optional<OutputFile> dst(String lfn) {
        int segment = writableSegment(lfn, outbase);
        if (segment < 0) {
            return Optional.empty();
        }
        return Optional.of(new OutputFile(job.dsttype(), job.leaf(), job.dataset(), job.tag(), job.run(), segment));
    }

    /** The histogram file {@code lfn} names, when it is one of this job's. */
    Optional<OutputFile> histogram(String lfn) {
        for (Map.Entry<String, String> head : histogramHeads.entrySet()) {
            int segment = writableSegment(lfn, head.getKey());
            if (segment >= 0) {
                return Optional.of(OutputFile.of(head.getValue(), job.dataset(), job.tag(), job.run(), segment));
            }
        }
        return Optional.empty();
    }

    /**
     * The segment of {@code name} when it is {@code <head>-<run:08d>-<seg:05d>.root} for this job's
     * run and a segment it can write, else -1. Read by position, not by a pattern: the tail has a
     * fixed width, and a harvest reads every staged name of every job.
     */
    private int writableSegment(String name, String head) {
        int dash = head.length();
        if (name.length() != dash + TAIL_FORM.length() || !name.startsWith(head) || !name.endsWith(OutputFile.EXTENSION)
                || name.charAt(dash) != '-' || name.charAt(dash + 9) != '-' || !AsciiDigits.only(name, dash + 1, dash + 9)
                || !AsciiDigits.only(name, dash + 10, dash + 15)) {
            return -1;
        }
        int run = Integer.parseInt(name, dash + 1, dash + 9, 10);
        int segment = Integer.parseInt(name, dash + 10, dash + 15, 10);
        return run == job.run() && segments.contains(segment) ? segment : -1;
    }

    private static String strip(String product) {
        return product.startsWith(DST_PREFIX) ? product.substring(DST_PREFIX.length()) : product;
    }
}
