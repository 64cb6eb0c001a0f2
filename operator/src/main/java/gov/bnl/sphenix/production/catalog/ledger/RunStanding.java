package gov.bnl.sphenix.production.catalog.ledger;

import java.util.List;
import java.util.Optional;

/**
 * Where a production's runs stand in the ledger, counted by the database over every row: a run is
 * done when every row of it succeeded.
 *
 * @param runsDone      runs whose rows all succeeded
 * @param newest        the highest run with a row
 * @param oldestPending the lowest run with a row that did not succeed
 * @param produced      the runs done, in run order: the runs compared with the DAQ's event count
 */
public record RunStanding(long runsDone, Optional<Integer> newest, Optional<Integer> oldestPending,
                          List<Integer> produced) {

    public static final RunStanding NONE = new RunStanding(0, Optional.empty(), Optional.empty(), List.of());

    public RunStanding {
        produced = List.copyOf(produced);
    }
}
