package gov.bnl.sphenix.production.tools.seed;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Generates a synthetic but realistic sPHENIX DAQ database and RawdataCatalog, reproducible from
 * a seed. What it puts in is what readiness must cope with:
 *
 * <ul>
 *   <li>runs of several types (mostly physics) with gaps in the numbering;</li>
 *   <li>short runs and runs with few events that the run cuts must drop, and a last run still going;</li>
 *   <li>hosts missing from some runs, and hosts that took part but wrote nothing;</li>
 *   <li>cosmics in which many hosts write nothing (what the any-leaf relaxation is for);</li>
 *   <li>transfer lag on the newest runs: files the DAQ wrote but SDCC has not got, and files
 *       catalogued but not yet on disk; a trickle of older files evicted to tape or bad.</li>
 * </ul>
 */
public final class SyntheticCatalog {

    private static final String LUSTRE = "lustre";
    private static final String HPSS = "hpss";
    private static final int SHORT_RUN_SECONDS = 300;
    private static final long FEW_EVENTS = 100_000;
    private static final double LAGGING_RUN_FRACTION = 0.02;
    /** Share of a cosmics run's non-trigger hosts that write nothing (see {@link #silentHosts}). */
    private static final double SILENT_IN_COSMICS = 0.3;

    private final SeedSpec spec;
    private final DaqStreams streams;

    public SyntheticCatalog(SeedSpec spec) {
        this(spec, DaqStreams.SPHENIX);
    }

    public SyntheticCatalog(SeedSpec spec, DaqStreams streams) {
        this.spec = spec;
        this.streams = streams;
    }

    /** The runs, before any file is made; cheap, so the file budget can be spread over them. */
    private record PlannedRun(int run, String runtype, int seconds, long events, LocalDateTime begin,
                              boolean stillGoing, boolean lagging) {

        LocalDateTime end() {
            return stillGoing ? null : begin.plusSeconds(seconds);
        }
    }

    public SeedSummary generate(CatalogRows rows) {
        SplittableRandom random = new SplittableRandom(spec.seed());
        List<PlannedRun> plan = planRuns(random);
        double filesPerWeight = spec.rawFiles() / totalWeight(plan);
        SeedSummary summary = new SeedSummary();
        for (PlannedRun run : plan) {
            // each run draws from its own generator, so changing one run's shape leaves the others alone
            makeRun(run, random.split(), filesPerWeight, rows, summary);
        }
        return summary;
    }

    private List<PlannedRun> planRuns(SplittableRandom random) {
        List<PlannedRun> plan = new ArrayList<>(spec.runs());
        int run = spec.firstRun();
        LocalDateTime clock = spec.start();
        int lagging = Math.max(2, (int) Math.round(spec.runs() * LAGGING_RUN_FRACTION));
        for (int i = 0; i < spec.runs(); i++) {
            String runtype = pickRuntype(random);
            int seconds = durationOf(runtype, random);
            long events = eventsOf(runtype, seconds, random);
            boolean stillGoing = i == spec.runs() - 1;
            plan.add(new PlannedRun(run, runtype, seconds, events, clock, stillGoing, i >= spec.runs() - lagging));
            clock = clock.plusSeconds(seconds + 60L + random.nextInt(600));
            run += random.nextDouble() < 0.9 ? 1 : 2 + random.nextInt(4);
        }
        return plan;
    }

    private static String pickRuntype(SplittableRandom random) {
        double u = random.nextDouble();
        if (u < 0.60) {
            return "physics";
        } else if (u < 0.75) {
            return "cosmics";
        } else if (u < 0.85) {
            return "calib";
        } else if (u < 0.93) {
            return "beam";
        }
        return "line_laser";
    }

    private static int durationOf(String runtype, SplittableRandom random) {
        return switch (runtype) {
            // one physics run in seven is stopped early: a trip, a busy detector, a test
            case "physics" -> random.nextDouble() < 0.15 ? 30 + random.nextInt(240) : 2_400 + random.nextInt(1_800);
            case "cosmics" -> 1_800 + random.nextInt(5_400);
            case "calib" -> 300 + random.nextInt(600);
            case "beam" -> 600 + random.nextInt(3_000);
            default -> 60 + random.nextInt(240);
        };
    }

    private static long eventsOf(String runtype, int seconds, SplittableRandom random) {
        if ("physics".equals(runtype) && random.nextDouble() < 0.05) {
            return 1_000 + random.nextInt(90_000);   // a long run that hardly triggered
        }
        double rate = switch (runtype) {
            case "physics" -> 3_000 + random.nextInt(5_000);
            case "cosmics" -> 50 + random.nextInt(150);
            case "calib" -> 200 + random.nextInt(300);
            case "beam" -> 1_000 + random.nextInt(4_000);
            default -> 10 + random.nextInt(20);
        };
        return (long) (rate * seconds);
    }

    /**
     * The expected file-writing weight of the whole plan, so the file budget comes out right: streams
     * that will likely be silent count for less, and a lagging run keeps about half its files at the DAQ.
     */
    private double totalWeight(List<PlannedRun> plan) {
        double total = 0;
        for (PlannedRun run : plan) {
            for (DaqStream stream : streams.of(run.runtype())) {
                double weight = stream.fileWeight() * run.seconds();
                if ("cosmics".equals(run.runtype()) && !SphenixDaq.GL1.equals(stream.host())) {
                    weight *= 1 - SILENT_IN_COSMICS;
                }
                total += run.lagging() ? weight / 2 : weight;
            }
        }
        return total;
    }

    private void makeRun(PlannedRun run, SplittableRandom random, double filesPerWeight, CatalogRows rows,
                         SeedSummary summary) {
        rows.run(run.run(), run.runtype(), run.events(), run.begin(), run.end());
        summary.countRun(run.run(), run.runtype(), run.seconds() < SHORT_RUN_SECONDS, run.events() < FEW_EVENTS, run.stillGoing());

        List<DaqStream> streams = this.streams.of(run.runtype());
        Set<String> absentHosts = absentHosts(streams, random);
        if (!absentHosts.isEmpty()) {
            summary.countMissingHosts();
        }
        Set<String> silentHosts = silentHosts(run.runtype(), streams, absentHosts, random);
        if (!silentHosts.isEmpty() && !"cosmics".equals(run.runtype())) {
            summary.countSilentHosts();
        }
        for (DaqStream stream : streams) {
            if (absentHosts.contains(stream.host())) {
                continue;
            }
            rows.host(run.run(), stream.host(), stream.serverId());
            summary.countHost();
            if (!silentHosts.contains(stream.host())) {
                makeFiles(run, stream, random, filesPerWeight, rows, summary);
            }
        }
    }

    /** One run in twenty misses one to three hosts (never the trigger): they do not appear in hostinfo at all. */
    private static Set<String> absentHosts(List<DaqStream> streams, SplittableRandom random) {
        Set<String> absent = new HashSet<>();
        if (random.nextDouble() < 0.05) {
            int count = 1 + random.nextInt(3);
            for (int i = 0; i < count; i++) {
                DaqStream stream = streams.get(random.nextInt(streams.size()));
                if (!SphenixDaq.GL1.equals(stream.host())) {
                    absent.add(stream.host());
                }
            }
        }
        return absent;
    }

    /**
     * Hosts listed in hostinfo that wrote no file: in cosmics many detectors have nothing to say;
     * elsewhere one run in fifty has a host that crashed at start.
     */
    private static Set<String> silentHosts(String runtype, List<DaqStream> streams, Set<String> absent,
                                           SplittableRandom random) {
        Set<String> silent = new HashSet<>();
        if ("cosmics".equals(runtype)) {
            Set<String> decided = new HashSet<>();
            for (DaqStream stream : streams) {
                // one draw per host: a TPC host's two servers are silent together or not at all
                if (decided.add(stream.host()) && !SphenixDaq.GL1.equals(stream.host())
                        && random.nextDouble() < SILENT_IN_COSMICS) {
                    silent.add(stream.host());
                }
            }
        } else if (random.nextDouble() < 0.02) {
            DaqStream stream = streams.get(random.nextInt(streams.size()));
            if (!absent.contains(stream.host()) && !SphenixDaq.GL1.equals(stream.host())) {
                silent.add(stream.host());
            }
        }
        return silent;
    }

    private static void makeFiles(PlannedRun run, DaqStream stream, SplittableRandom random, double filesPerWeight,
                                  CatalogRows rows, SeedSummary summary) {
        double expected = filesPerWeight * stream.fileWeight() * run.seconds() * (0.8 + 0.4 * random.nextDouble());
        int count = Math.max(1, (int) Math.round(expected));
        // On a lagging run the files from `transferred` on are still at the DAQ; the newest that
        // did arrive may not be staged to disk yet.
        int transferred = run.lagging() ? random.nextInt(count + 1) : count;
        boolean lastArrivedStaging = run.lagging() && random.nextDouble() < 0.5;
        String dataset = SphenixDaq.DATASET_OF_RUNTYPE.get(run.runtype());
        String directory = "/sphenix/lustre01/sphnxpro/" + run.runtype() + "/" + stream.detector().toLowerCase(java.util.Locale.ROOT) + "/";
        long eventsPerFile = Math.max(1, run.events() / count);
        for (int sequence = 0; sequence < count; sequence++) {
            String filename = stream.fileName(run.runtype(), run.run(), sequence);
            long first = sequence * eventsPerFile + 1;
            long last = sequence == count - 1 ? Math.max(first, run.events()) : first + eventsPerFile - 1;
            boolean atSdcc = sequence < transferred;
            rows.daqFile(filename, run.run(), stream.host(), sequence, first, last, atSdcc);
            summary.countDaqFile(atSdcc);
            if (!atSdcc) {
                continue;
            }
            int status = statusOf(random, lastArrivedStaging && sequence == transferred - 1);
            String storage = status > 0 ? LUSTRE : HPSS;
            long size = 1_000_000_000L + random.nextLong(1_000_000_000L);
            LocalDateTime time = run.begin().plusSeconds((long) run.seconds() * (sequence + 1) / count + 120);
            rows.rawFile(filename, run.run(), sequence, dataset, stream.name(), status, storage, directory + filename,
                    size, md5(random), time);
            summary.countRawFile(status);
        }
    }

    /** One file in 5,000 is bad, one in 5,000 was evicted to tape: enough to see, few enough that most runs are whole. */
    private static int statusOf(SplittableRandom random, boolean staging) {
        if (staging) {
            return 0;
        }
        double u = random.nextDouble();
        if (u < 0.0002) {
            return -1;
        }
        return u < 0.0004 ? 0 : 1;
    }

    private static String md5(SplittableRandom random) {
        String hex = Long.toHexString(random.nextLong()) + Long.toHexString(random.nextLong());
        StringBuilder padded = new StringBuilder(32);
        for (int i = hex.length(); i < 32; i++) {
            padded.append('0');
        }
        return padded.append(hex).toString();
    }
}
