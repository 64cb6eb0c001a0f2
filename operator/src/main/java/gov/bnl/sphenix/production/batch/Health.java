package gov.bnl.sphenix.production.batch;

import java.time.Duration;
import java.util.Objects;

/** Whether the batch system answers, how fast, and what it said. */
public record Health(boolean reachable, String detail, Duration latency) {

    public Health {
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(latency, "latency");
    }

    public static Health up(String detail, Duration latency) {
        return new Health(true, detail, latency);
    }

    public static Health down(String detail, Duration latency) {
        return new Health(false, detail, latency);
    }
}
