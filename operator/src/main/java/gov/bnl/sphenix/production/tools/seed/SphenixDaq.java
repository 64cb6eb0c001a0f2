package gov.bnl.sphenix.production.tools.seed;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The streams of the sPHENIX DAQ: TPC event builders {@code ebdc00..23} with two servers each,
 * TPOT on {@code ebdc39}, INTT {@code intt0..7}, MVTX {@code mvtx0..5}, the trigger {@code gl1daq}
 * and the calorimeter sub-event builders {@code seb00..20} — 86 streams on 63 hosts.
 */
public final class SphenixDaq {

    public static final String GL1 = "gl1daq";

    /** Runtypes of the DAQ run table and the datasets their raw files are catalogued under. */
    public static final Map<String, String> DATASET_OF_RUNTYPE = Map.of(
            "physics", "run3auau",
            "cosmics", "run3cosmics",
            "calib", "run3calib",
            "beam", "run3beam",
            "line_laser", "run3laser");

    private SphenixDaq() {
    }

    public static List<DaqStream> tpc() {
        List<DaqStream> streams = new ArrayList<>();
        for (int ebdc = 0; ebdc < 24; ebdc++) {
            String host = "ebdc" + (ebdc < 10 ? "0" : "") + ebdc;
            for (int server = 0; server < 2; server++) {
                streams.add(new DaqStream(host + "_" + server, host, server, "TPC", 1.5));
            }
        }
        return streams;
    }

    public static List<DaqStream> tpot() {
        return List.of(new DaqStream("ebdc39", "ebdc39", 0, "TPOT", 0.5));
    }

    public static List<DaqStream> intt() {
        return numbered("intt", 8, false, "INTT", 1.0);
    }

    public static List<DaqStream> mvtx() {
        return numbered("mvtx", 6, false, "MVTX", 1.0);
    }

    public static List<DaqStream> gl1() {
        return List.of(new DaqStream(GL1, GL1, 0, "GL1", 0.5));
    }

    public static List<DaqStream> calorimeters() {
        return numbered("seb", 21, true, "SEB", 0.8);
    }

    /** Tracking streams: what the streaming event combiner turns into DST_STREAMING_EVENT_<stream>. */
    public static List<DaqStream> tracking() {
        List<DaqStream> streams = new ArrayList<>(tpc());
        streams.addAll(tpot());
        streams.addAll(intt());
        streams.addAll(mvtx());
        return streams;
    }

    public static List<DaqStream> all() {
        List<DaqStream> streams = new ArrayList<>(tracking());
        streams.addAll(gl1());
        streams.addAll(calorimeters());
        return streams;
    }

    /** Which streams take data in a run of this type. */
    public static List<DaqStream> streamsOf(String runtype) {
        return switch (runtype) {
            case "calib" -> concat(calorimeters(), gl1());
            case "line_laser" -> concat(tpc(), gl1());
            case "cosmics" -> concat(tracking(), gl1());
            default -> all();
        };
    }

    private static List<DaqStream> concat(List<DaqStream> a, List<DaqStream> b) {
        List<DaqStream> both = new ArrayList<>(a);
        both.addAll(b);
        return both;
    }

    private static List<DaqStream> numbered(String prefix, int count, boolean twoDigits, String detector, double weight) {
        List<DaqStream> streams = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String name = prefix + (twoDigits && i < 10 ? "0" : "") + i;
            streams.add(new DaqStream(name, name, 0, detector, weight));
        }
        return streams;
    }
}
