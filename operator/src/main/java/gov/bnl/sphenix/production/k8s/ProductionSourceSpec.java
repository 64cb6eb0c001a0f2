package gov.bnl.sphenix.production.k8s;

import gov.bnl.sphenix.production.control.OperatingLimits;
import gov.bnl.sphenix.production.control.guard.RemovalLimits;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import java.util.List;
import java.util.Map;

/**
 * What a {@link ProductionSource} points at. Credentials live in Secrets; only their names are here.
 * An absent field takes its default here as well as in the API server, for resources read without one.
 *
 * @param path                 sub-directory of the repository that holds catalogue.yaml, rules/ and productions/;
 *                             empty for the top. No {@code @Default}: the generator writes an empty default as
 *                             {@code null}, which an API server rejects for a string
 * @param gitCredentialsSecret a Secret with {@code username} and {@code password} (or a token as password) for https
 * @param catalogSecret        a Secret with JDBC URLs and credentials of the DAQ, raw data and file catalogs and
 *                             the ledger
 * @param maxRemovals          most productions one commit may remove before it waits for a confirmation (its
 *                             merge commit's {@code Prodctl-Allow-Removal: <n>} trailer, or the annotation
 *                             {@value ProductionSource#ALLOW_REMOVAL} naming it); 0: every removal waits;
 *                             negative: no limit
 * @param maxKills             most live jobs one commit's removals may kill before it waits likewise
 * @param limits               the operating limits of this source's engine, over the operator's ({@code
 *                             queueBudget}, {@code maxRunTime}, ... as {@link OperatingLimits#KEYS} lists them);
 *                             a word that is not a limit stops the source with the reason
 */
public record ProductionSourceSpec(@Required String url, @Default("main") String branch, String path,
                                   @Pattern("^[0-9]+(s|m|h)$") @Default("60s") String fetchInterval,
                                   String gitCredentialsSecret, String catalogSecret, BatchSettings batch,
                                   boolean suspend, @Default("5") Integer maxRemovals, @Default("1000") Integer maxKills,
                                   Map<String, String> limits) {

    public ProductionSourceSpec {
        branch = branch == null ? "main" : branch;
        path = path == null ? "" : path;
        fetchInterval = fetchInterval == null ? "60s" : fetchInterval;
        batch = batch == null ? new BatchSettings(null, null, null) : batch;
        maxRemovals = maxRemovals == null ? RemovalLimits.DEFAULTS.productions() : maxRemovals;
        maxKills = maxKills == null ? RemovalLimits.DEFAULTS.jobs() : maxKills;
        limits = limits == null ? Map.of() : Map.copyOf(limits);
    }

    /** A source with the operator's operating limits. */
    public ProductionSourceSpec(String url, String branch, String path, String fetchInterval,
                                String gitCredentialsSecret, String catalogSecret, BatchSettings batch, boolean suspend,
                                Integer maxRemovals, Integer maxKills) {
        this(url, branch, path, fetchInterval, gitCredentialsSecret, catalogSecret, batch, suspend, maxRemovals,
                maxKills, null);
    }

    /** A source with the removal guard's default limits. */
    public ProductionSourceSpec(String url, String branch, String path, String fetchInterval,
                                String gitCredentialsSecret, String catalogSecret, BatchSettings batch, boolean suspend) {
        this(url, branch, path, fetchInterval, gitCredentialsSecret, catalogSecret, batch, suspend, null, null);
    }

    /** A source of {@code url} with every other field at its default. */
    public static ProductionSourceSpec of(String url) {
        return new ProductionSourceSpec(url, null, null, null, null, null, null, false);
    }

    /** How much one commit may remove unconfirmed. */
    public RemovalLimits removalLimits() {
        return new RemovalLimits(maxRemovals, maxKills);
    }

    /**
     * Which batch system runs the jobs, and how the operator reaches it.
     *
     * @param commandPrefix words put before every HTCondor tool, separated by spaces, e.g. a wrapper that logs in to
     *                      the submit host; empty: the operator's {@code CONDOR_COMMAND_PREFIX}, else the tools on
     *                      the PATH
     * @param scheddName    the schedd that holds the jobs ({@code host} or {@code name@host}); empty: the tools'
     *                      default. For one schedd; several are listed in {@code schedds}
     * @param pool          the central manager that knows the schedds ({@code -pool}, {@code host[:port]}); empty:
     *                      the tools' {@code COLLECTOR_HOST}
     * @param schedds       several schedds, each read once per pass; a production goes to the schedd that lists
     *                      it, else to the one holding the fewest of the source's live jobs
     */
    public record BatchSettings(@Pattern("^(condor|local)$") @Default("condor") String system, String commandPrefix,
                                @Pattern(SCHEDD_NAME) String scheddName, @Pattern(POOL) String pool,
                                List<Schedd> schedds) {

        /** A schedd name as HTCondor's {@code -name} takes it. */
        public static final String SCHEDD_NAME = "^[A-Za-z0-9][A-Za-z0-9._@-]*$";
        /** A central manager: host name and an optional port. */
        public static final String POOL = "^[A-Za-z0-9][A-Za-z0-9._-]*(:[0-9]{1,5})?$";

        public BatchSettings {
            system = system == null ? "condor" : system;
            schedds = schedds == null ? List.of() : List.copyOf(schedds);
        }

        /** One schedd, or the tools' default. */
        public BatchSettings(String system, String commandPrefix, String scheddName) {
            this(system, commandPrefix, scheddName, null, null);
        }
    }

    /**
     * One of several schedds of a source.
     *
     * @param name        {@code -name}: {@code host} or {@code name@host}
     * @param pool        {@code -pool} for this schedd, when not the source's {@code batch.pool}
     * @param productions the productions whose jobs go to this schedd only (by name); the others are spread
     */
    public record Schedd(@Required @Pattern(BatchSettings.SCHEDD_NAME) String name, @Pattern(BatchSettings.POOL) String pool,
                         List<String> productions) {

        public Schedd {
            productions = productions == null ? List.of() : List.copyOf(productions);
        }
    }
}
