package gov.bnl.sphenix.production.batch;

import gov.bnl.sphenix.production.job.JobKey;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Which productions go to which schedd, where an operator decided it (a production whose
 * combiners must run next to their input's submit host, say); every other production is spread
 * by load.
 *
 * @param scheddByProduction the schedd of each assigned production, by production name
 */
public record ScheddAssignment(Map<String, String> scheddByProduction) {

    public static final ScheddAssignment SPREAD_BY_LOAD = new ScheddAssignment(Map.of());

    public ScheddAssignment {
        scheddByProduction = Map.copyOf(new TreeMap<>(scheddByProduction));
        scheddByProduction.keySet().forEach(JobKey::requireProductionName);
    }

    /**
     * From {@code PRODUCTION=SCHEDD} words, as {@code prodctl run --assign} takes them; a
     * production given twice is refused, since only one of the two could be meant.
     */
    public static ScheddAssignment parse(Collection<String> words) {
        Map<String, String> assigned = new TreeMap<>();
        for (String word : words) {
            int equals = word.indexOf('=');
            if (equals < 1 || equals == word.length() - 1) {
                throw new IllegalArgumentException("'" + word + "' is not PRODUCTION=SCHEDD, e.g. "
                        + "run3auau-streaming=second@sphnxsub02");
            }
            String production = word.substring(0, equals).strip();
            String previous = assigned.put(production, word.substring(equals + 1).strip());
            if (previous != null) {
                throw new IllegalArgumentException("production " + production + " is assigned twice ("
                        + previous + " and " + assigned.get(production) + "); give it one schedd");
            }
        }
        return new ScheddAssignment(assigned);
    }

    public Optional<String> scheddOf(String production) {
        return Optional.ofNullable(scheddByProduction.get(production));
    }

    /** Refuses an assignment to a schedd that is not among {@code schedds}. */
    public void requireKnown(List<String> schedds) {
        scheddByProduction.forEach((production, schedd) -> {
            if (!schedds.contains(schedd)) {
                throw new IllegalArgumentException("production " + production + " is assigned to schedd " + schedd
                        + ", which is not one of the schedds " + schedds + "; name it among them or fix the assignment");
            }
        });
    }
}
