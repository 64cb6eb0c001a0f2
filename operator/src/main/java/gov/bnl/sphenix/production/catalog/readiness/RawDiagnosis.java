package gov.bnl.sphenix.production.catalog.readiness;

import gov.bnl.sphenix.production.spec.catalogue.ProductCatalogue;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Why a raw product's run that passed the run cuts has no job: for every stream readiness counts
 * (the unmasked leaves whose host took part, and the required hosts) that is not complete, what
 * it lacks — files on tape or being staged, files the DAQ wrote that SDCC has not got, or no file
 * at all — and the run's reason is the first of these in {@link WaitReason}'s order. Pure.
 */
final class RawDiagnosis {

    private final RawRequest request;

    RawDiagnosis(RawRequest request) {
        this.request = request;
    }

    /** Counts of one stream's files in the segment window. */
    private static final class Stream {
        int onDisk;
        int onTape;
        int bad;
    }

    RunVerdict diagnose(RunFacts run, List<RawFile> rows, FilesAtDaq daq) {
        Map<String, Stream> streams = new HashMap<>();
        for (RawFile file : rows) {
            Stream s = streams.computeIfAbsent(file.stream(), k -> new Stream());
            if (file.onDisk()) {
                s.onDisk++;
            } else if (file.waiting()) {
                s.onTape++;
            } else {
                s.bad++;
            }
        }
        Map<WaitReason, List<String>> lacking = new EnumMap<>(WaitReason.class);
        for (String stream : counted(run)) {
            Stream s = streams.getOrDefault(stream, new Stream());
            long atDaq = daq.notTransferred(run.run(), ProductCatalogue.hostOf(stream));
            if (s.onTape > 0) {
                lacking.computeIfAbsent(WaitReason.NOT_ON_DISK, k -> new ArrayList<>())
                        .add(stream + " (" + files(s.onTape) + ")");
            } else if (s.onDisk == 0 && atDaq > 0) {
                // the DAQ counts by host: the streams of one host share its count
                String host = ProductCatalogue.hostOf(stream);
                List<String> hosts = lacking.computeIfAbsent(WaitReason.NOT_TRANSFERRED, k -> new ArrayList<>());
                String named = host + " (" + files(atDaq) + " at the DAQ)";
                if (!hosts.contains(named)) {
                    hosts.add(named);
                }
            } else if (s.onDisk == 0) {
                lacking.computeIfAbsent(WaitReason.NO_FILE, k -> new ArrayList<>())
                        .add(stream + (s.bad > 0 ? " (only bad files)" : " (took part, wrote nothing)"));
            }
        }
        if (lacking.isEmpty()) {
            // readiness found nothing to do though no counted stream lacks a file: say so rather than guess
            return new RunVerdict(run.run(), WaitReason.NO_FILE, "no file of " + String.join(", ", request.streams())
                    + " in the segment window");
        }
        Map.Entry<WaitReason, List<String>> first = lacking.entrySet().iterator().next();
        return new RunVerdict(run.run(), first.getKey(), RunJudge.named(first.getValue()));
    }

    /** The streams readiness waits for in this run: unmasked leaves whose host took part, and the required hosts. */
    private Set<String> counted(RunFacts run) {
        Set<String> streams = new LinkedHashSet<>();
        request.leaves().stream().filter(leaf -> run.hosts().contains(ProductCatalogue.hostOf(leaf))).forEach(streams::add);
        streams.addAll(request.requiredHosts());
        return streams;
    }

    /** Hosts whose files the DAQ may still hold for the streams this request counts. */
    Set<String> hosts() {
        Set<String> hosts = new LinkedHashSet<>();
        request.streams().forEach(stream -> hosts.add(ProductCatalogue.hostOf(stream)));
        return hosts;
    }

    private static String files(long n) {
        return n == 1 ? "1 file" : n + " files";
    }
}
