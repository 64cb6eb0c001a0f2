package gov.bnl.sphenix.production.tools.chaos;

import java.time.Duration;
import java.util.List;

/**
 * How a chaos run goes.
 *
 * @param rounds          operator processes killed with SIGKILL, one per round
 * @param databaseEvery   every so many rounds PostgreSQL is restarted while the operator runs (0: never)
 * @param scheddEvery     every so many rounds the schedd is restarted while the operator runs (0: never)
 * @param shortest        the shortest time to an operator's kill, from its first pass (from its start for some)
 * @param longest         the longest
 * @param settleTimeout   how long the last operator has to converge once the kills are over
 * @param seed            of the random kill moments, so that a run can be repeated
 * @param scheddRestart   the command that restarts the schedd (empty: no schedd restarts)
 */
public record ChaosSettings(int rounds, int databaseEvery, int scheddEvery, Duration shortest, Duration longest,
                            Duration settleTimeout, long seed, List<String> scheddRestart) {

    public ChaosSettings {
        scheddRestart = List.copyOf(scheddRestart);
        if (rounds < 0 || databaseEvery < 0 || scheddEvery < 0) {
            throw new IllegalArgumentException("rounds and restart intervals are not negative");
        }
        if (shortest.isNegative() || longest.compareTo(shortest) < 0) {
            throw new IllegalArgumentException("a kill comes between " + shortest + " and " + longest + ", in that order");
        }
    }

    boolean restartsDatabase(int round) {
        return databaseEvery > 0 && round % databaseEvery == 0;
    }

    boolean restartsSchedd(int round) {
        return scheddEvery > 0 && !scheddRestart.isEmpty() && round % scheddEvery == 0 && !restartsDatabase(round);
    }
}
