package gov.bnl.sphenix.production.catalog.readiness;

import gov.bnl.sphenix.production.spec.catalogue.ProductCatalogue;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Readiness rules for a product made from raw files, applied to one run that passed the run cuts:
 *
 * <ol>
 *   <li>A leaf counts only if its host took part in the run ({@code hostinfo}) and is not masked.
 *       A host that sat the run out gets no job and holds nothing back.</li>
 *   <li>A stream is complete when it has files on disk in the segment window and none still
 *       waiting (status 0: on tape only, or not yet staged).</li>
 *   <li>The run is ready when every counted leaf and every required host ({@code gl1daq}) is
 *       complete; a runtype with the any-leaf relaxation (cosmics) only needs the leaf itself.</li>
 *   <li>Each ready leaf gives one job per segment on disk, reading that file and the required
 *       hosts' files of the window; or, for a combiner, one job keyed at segment 0 reading all of
 *       the leaf's files and the required hosts' (it writes as many segments as the events
 *       fill).</li>
 * </ol>
 */
final class RawRunEvaluator implements RunEvaluator<RawFile> {

    private static final StreamFiles NONE = new StreamFiles();

    private final RawRequest request;

    RawRunEvaluator(RawRequest request) {
        this.request = request;
    }

    @Override
    public List<ReadyJob> evaluate(QualifiedRun run, List<RawFile> rows) {
        Map<String, StreamFiles> streams = StreamFiles.byStream(rows);
        List<String> leavesInRun = request.leaves().stream()
                .filter(leaf -> run.hosts().contains(ProductCatalogue.hostOf(leaf)))
                .toList();
        boolean requiredComplete = request.requiredHosts().stream()
                .allMatch(host -> streams.getOrDefault(host, NONE).complete());
        List<String> readyLeaves = leavesInRun.stream()
                .filter(leaf -> streams.getOrDefault(leaf, NONE).complete())
                .toList();

        if (request.anyLeaf()) {
            // Cosmics: a stream with data is worth a job even when other detectors or the trigger sat it out.
            if (request.perLeaf() ? readyLeaves.isEmpty() : request.requiredHosts().stream()
                    .noneMatch(host -> streams.getOrDefault(host, NONE).complete())) {
                return List.of();
            }
        } else if (!requiredComplete || readyLeaves.size() < leavesInRun.size()
                || (request.perLeaf() && leavesInRun.isEmpty())) {
            return List.of();
        }

        List<String> shared = new ArrayList<>();
        for (String host : request.requiredHosts()) {
            shared.addAll(streams.getOrDefault(host, NONE).filenames());
        }
        if (request.combining()) {
            return combinerCandidates(run.run(), readyLeaves, streams, shared);
        }
        return request.perLeaf()
                ? perLeafCandidates(run.run(), readyLeaves, streams, shared)
                : perSegmentCandidates(run.run(), streams);
    }

    private static List<ReadyJob> perLeafCandidates(int run, List<String> leaves, Map<String, StreamFiles> streams,
                                                     List<String> shared) {
        List<ReadyJob> candidates = new ArrayList<>();
        List<String> trigger = List.copyOf(shared);
        for (String leaf : leaves) {
            for (Map.Entry<Integer, String> file : streams.get(leaf).onDisk().entrySet()) {
                candidates.add(new ReadyJob(run, file.getKey(), leaf, new InputList(file.getValue(), trigger)));
            }
        }
        // segment 0 of every leaf first: the quick-QA files come before the bulk
        candidates.sort(Comparator.comparingInt(ReadyJob::segment));
        return candidates;
    }

    private static List<ReadyJob> combinerCandidates(int run, List<String> leaves, Map<String, StreamFiles> streams,
                                                     List<String> shared) {
        List<ReadyJob> candidates = new ArrayList<>();
        for (String leaf : leaves) {
            List<String> inputs = new ArrayList<>(streams.get(leaf).filenames());
            inputs.addAll(shared);
            candidates.add(new ReadyJob(run, 0, leaf, inputs));
        }
        return candidates;
    }

    /** A raw product without leaves: one job per segment, reading every required stream's file of that segment. */
    private List<ReadyJob> perSegmentCandidates(int run, Map<String, StreamFiles> streams) {
        TreeSet<Integer> segments = new TreeSet<>();
        for (String host : request.requiredHosts()) {
            segments.addAll(streams.getOrDefault(host, NONE).onDisk().keySet());
        }
        List<ReadyJob> candidates = new ArrayList<>();
        for (int segment : segments) {
            List<String> inputs = new ArrayList<>();
            for (String host : request.requiredHosts()) {
                String file = streams.getOrDefault(host, NONE).onDisk().get(segment);
                if (file != null) {
                    inputs.add(file);
                }
            }
            candidates.add(new ReadyJob(run, segment, "", inputs));
        }
        return candidates;
    }
}
