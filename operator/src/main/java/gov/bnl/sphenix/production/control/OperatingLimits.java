package gov.bnl.sphenix.production.control;

import gov.bnl.sphenix.production.job.HoldSignature;
import gov.bnl.sphenix.production.plan.PlannerSettings;
import gov.bnl.sphenix.production.plan.Words;
import gov.bnl.sphenix.production.spec.load.Durations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The operating limits the operators own, in the words they set them with: {@code prodctl run
 * --limit maxRunTime=5d}, the Helm values' {@code limits:} (the operator's {@code PRODOP_LIMITS}),
 * and a ProductionSource's {@code spec.limits}, each over the one before. A word that is not a
 * limit, or a value out of range, is refused with what it may be: a typo must not leave a
 * production running on a default nobody chose.
 */
public final class OperatingLimits {

    /** Every limit, with what a person may write. */
    public static final Map<String, String> KEYS = keys();

    private OperatingLimits() {
    }

    private static Map<String, String> keys() {
        Map<String, String> keys = new LinkedHashMap<>();
        keys.put("queueBudget", "jobs queued or running of all productions at once, 0 to 10000000");
        keys.put("maxRunTime", "how long a job may run before it is stopped (a production may set its own), 1m to 30d");
        keys.put("maxReleases", "releases of a job held for a reason other than memory before it fails, 0 to 100");
        keys.put("releaseBackoff", "wait before the first such release, doubled for each further one, 0s to 1d");
        keys.put("maxRestarts", "restarts after eviction before a job is stopped, 0 to 100");
        keys.put("memoryHolds", "hold codes that mean memory exceeded and climb the memory ladder: code or"
                + " code/subcode, separated by commas, e.g. 34/0,26");
        keys.put("segmentZeroFirst", "true or false: segment 0 of every run before the others (fast QA)");
        keys.put("harvestGrace", "how long a finished job's files may take to show on the shared file system, 0s to 1d");
        keys.put("staleSubmitting", "how long a submission that left no job in the queue is waited for before its key"
                + " goes again (an operator that died between its ledger and the batch system), 1s to 1d");
        return Map.copyOf(keys);
    }

    /**
     * {@code base} with the limits {@code words} set.
     *
     * @param where what the words came from, for the message ({@code --limit}, {@code PRODOP_LIMITS}, ...)
     * @throws IllegalArgumentException naming the word, the value, and what it may be
     */
    public static PlannerSettings apply(PlannerSettings base, Map<String, String> words, String where) {
        Draft d = new Draft(base);
        for (Map.Entry<String, String> e : new TreeMap<>(words).entrySet()) {
            String key = e.getKey().strip();
            String value = e.getValue().strip();
            switch (key) {
                case "queueBudget" -> d.budget = integer(key, value, 0, 10_000_000, where);
                case "maxRunTime" -> d.runTime = duration(key, value, Duration.ofMinutes(1), Duration.ofDays(30), where);
                case "maxReleases" -> d.releases = integer(key, value, 0, 100, where);
                case "releaseBackoff" -> d.backoff = duration(key, value, Duration.ZERO, Duration.ofDays(1), where);
                case "maxRestarts" -> d.restarts = integer(key, value, 0, 100, where);
                case "memoryHolds" -> d.holds = holds(key, value, where);
                case "segmentZeroFirst" -> d.zeroFirst = bool(key, value, where);
                case "harvestGrace" -> d.grace = duration(key, value, Duration.ZERO, Duration.ofDays(1), where);
                case "staleSubmitting" -> d.stale = duration(key, value, Duration.ofSeconds(1), Duration.ofDays(1), where);
                default -> throw new IllegalArgumentException(where + ": '" + key + "' is not an operating limit;"
                        + " the limits are " + String.join(", ", KEYS.keySet().stream().sorted().toList()));
            }
        }
        return d.settings();
    }

    /** The settings being changed, one limit at a time. */
    private static final class Draft {
        private final PlannerSettings base;
        private int budget;
        private Duration runTime;
        private int releases;
        private Duration backoff;
        private int restarts;
        private List<HoldSignature> holds;
        private boolean zeroFirst;
        private Duration grace;
        private Duration stale;

        Draft(PlannerSettings base) {
            this.base = base;
            budget = base.globalQueueBudget();
            runTime = base.maxRunTime();
            releases = base.maxReleases();
            backoff = base.releaseBackoff();
            restarts = base.maxRestarts();
            holds = base.memoryHolds();
            zeroFirst = base.segmentZeroFirst();
            grace = base.harvestGrace();
            stale = base.staleSubmittingAfter();
        }

        PlannerSettings settings() {
            return new PlannerSettings(budget, releases, backoff, restarts, runTime, stale,
                    base.starvationGuardPercent(), zeroFirst, holds, base.deleteBatchSize(), grace);
        }
    }

    /** {@code queueBudget=50000, maxRunTime=3 d, ...}: the limits in force, as plan and validate show them. */
    public static String describe(PlannerSettings s) {
        return "queueBudget=" + s.globalQueueBudget() + ", maxRunTime=" + Words.duration(s.maxRunTime())
                + ", maxReleases=" + s.maxReleases() + ", releaseBackoff=" + Words.duration(s.releaseBackoff())
                + ", maxRestarts=" + s.maxRestarts() + ", memoryHolds=" + s.memoryHolds().stream()
                .map(h -> h.subcode() == HoldSignature.ANY_SUBCODE ? String.valueOf(h.code()) : h.code() + "/" + h.subcode())
                .collect(Collectors.joining(",")) + ", segmentZeroFirst=" + s.segmentZeroFirst()
                + ", harvestGrace=" + Words.duration(s.harvestGrace());
    }

    /**
     * {@code queueBudget=20000,maxRunTime=5d}, as the operator's environment carries them; empty
     * entries are skipped.
     */
    public static Map<String, String> parseList(String text, String where) {
        Map<String, String> words = new LinkedHashMap<>();
        for (String item : text.split(",(?=\\s*[A-Za-z]+\\s*=)")) {
            if (item.isBlank()) {
                continue;
            }
            int eq = item.indexOf('=');
            if (eq < 1) {
                throw new IllegalArgumentException(where + ": '" + item.strip() + "' is not key=value, e.g. maxRunTime=5d");
            }
            words.put(item.substring(0, eq).strip(), item.substring(eq + 1).strip());
        }
        return words;
    }

    private static int integer(String key, String value, int low, int high, String where) {
        try {
            int n = Integer.parseInt(value);
            if (n >= low && n <= high) {
                return n;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw refused(key, value, where);
    }

    private static Duration duration(String key, String value, Duration low, Duration high, String where) {
        Optional<Duration> d = Durations.parse(value).filter(v -> v.compareTo(low) >= 0 && v.compareTo(high) <= 0);
        return d.orElseThrow(() -> refused(key, value, where));
    }

    private static boolean bool(String key, String value, String where) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw refused(key, value, where);
        };
    }

    private static List<HoldSignature> holds(String key, String value, String where) {
        List<HoldSignature> holds = new ArrayList<>();
        for (String item : value.split(",")) {
            String[] parts = item.strip().split("/");
            try {
                if (parts.length == 1) {
                    holds.add(HoldSignature.anySubcode(Integer.parseInt(parts[0])));
                } else if (parts.length == 2) {
                    holds.add(new HoldSignature(Integer.parseInt(parts[0]), Integer.parseInt(parts[1])));
                } else {
                    throw refused(key, value, where);
                }
            } catch (NumberFormatException e) {
                throw refused(key, value, where);
            }
        }
        return holds;
    }

    private static IllegalArgumentException refused(String key, String value, String where) {
        return new IllegalArgumentException(where + ": " + key + "=" + value + " is refused: " + key + " is "
                + KEYS.get(key));
    }
}
