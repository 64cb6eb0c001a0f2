package gov.bnl.sphenix.production.control.harvest;

import gov.bnl.sphenix.production.spec.names.OutputFile;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

    private static final Pattern RUN_SEGMENT = Pattern.compile("(?<head>.+)-(?<run>\\d{8})-(?<seg>\\d{5})\\.root");
    private static final String DST_PREFIX = "DST_";

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
        return segmentOf(lfn, outbase).map(seg -> new OutputFile(job.dsttype(), job.leaf(), job.dataset(), job.tag(),
                job.run(), seg));
    }

    /** The histogram file {@code lfn} names, when it is one of this job's. */
    Optional<OutputFile> histogram(String lfn) {
        Matcher m = RUN_SEGMENT.matcher(lfn);
        if (!m.matches()) {
            return Optional.empty();
        }
        String product = histogramHeads.get(m.group("head"));
        if (product == null) {
            return Optional.empty();
        }
        return segmentOf(lfn, m.group("head")).map(seg -> OutputFile.of(product, job.dataset(), job.tag(), job.run(), seg));
    }

    private Optional<Integer> segmentOf(String lfn, String head) {
        Matcher m = RUN_SEGMENT.matcher(lfn);
        if (!m.matches() || !m.group("head").equals(head) || Integer.parseInt(m.group("run")) != job.run()) {
            return Optional.empty();
        }
        int segment = Integer.parseInt(m.group("seg"));
        return segments.contains(segment) ? Optional.of(segment) : Optional.empty();
    }

    private static String strip(String product) {
        return product.startsWith(DST_PREFIX) ? product.substring(DST_PREFIX.length()) : product;
    }
}
