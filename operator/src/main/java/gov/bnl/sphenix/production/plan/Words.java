package gov.bnl.sphenix.production.plan;

import gov.bnl.sphenix.production.job.JobKey;
import gov.bnl.sphenix.production.spec.MemoryLadder;
import java.time.Duration;
import java.util.List;

/** How reasons print numbers: memory as the team writes it, durations rounded to what matters. */
public final class Words {

    private Words() {
    }

    /** 4096 → {@code 4 GB}; 1536 → {@code 1536 MB}. */
    public static String memory(int mib) {
        return mib % 1024 == 0 ? (mib / 1024) + " GB" : mib + " MB";
    }

    public static String ladder(MemoryLadder ladder) {
        return "[" + ladder + "]";
    }

    /** {@code 3 d 2 h}, {@code 5 h 10 min}, {@code 12 min}, {@code 40 s}. */
    public static String duration(Duration d) {
        long s = Math.max(0, d.getSeconds());
        long days = s / 86_400;
        long hours = s % 86_400 / 3600;
        long minutes = s % 3600 / 60;
        if (days > 0) {
            return days + " d" + (hours > 0 ? " " + hours + " h" : "");
        }
        if (hours > 0) {
            return hours + " h" + (minutes > 0 ? " " + minutes + " min" : "");
        }
        if (minutes > 0) {
            return minutes + " min";
        }
        return s + " s";
    }

    /** Runs as a compact span: {@code run 67962} or {@code runs 66001–67962}. */
    public static String runSpan(List<JobKey> keys) {
        int low = keys.stream().mapToInt(JobKey::run).min().orElse(0);
        int high = keys.stream().mapToInt(JobKey::run).max().orElse(0);
        return low == high ? "run " + low : "runs " + low + "–" + high;
    }

    public static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
