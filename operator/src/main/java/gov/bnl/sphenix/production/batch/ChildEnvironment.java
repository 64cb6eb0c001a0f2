package gov.bnl.sphenix.production.batch;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The environment of every process the operator starts: the variables of an explicit allow-list,
 * never the whole of its own. The operator's environment holds catalog passwords
 * ({@code PRODOP_CATALOG_PASSWORD}, {@code PGPASSWORD}, Kubernetes Secrets); HTCondor's tools
 * would not need them and a job's payload, which writes logs others read, must never see them.
 */
public enum ChildEnvironment {

    /** HTCondor's command-line tools: where to find the configuration, and configuration by variable. */
    CONDOR_TOOLS(Set.of("CONDOR_CONFIG"), List.of("_CONDOR_")),

    /**
     * A job's wrapper and its payload: the scratch directory and job ad HTCondor hands a job
     * ({@code _CONDOR_SCRATCH_DIR}, {@code _CONDOR_JOB_AD}, …), the thread count it sets from
     * {@code request_cpus}, the host name the manifest records, the helper directory today's run
     * scripts source from ({@code SPHENIXPROD_SCRIPT_PATH}), and the knobs of the test payload and of the stand-in root.exe. sPHENIX
     * payloads set up their software themselves. The job wrapper script applies the same list on
     * the worker (its {@code allowed} function; WrapperScriptTest holds the two together).
     */
    JOBS(Set.of("HOSTNAME", "OMP_NUM_THREADS", "SPHENIXPROD_SCRIPT_PATH"), List.of("_CONDOR_", "FAKE_JOB_", "ROOT_STANDIN_"));

    /** What every child gets: where programs are, who and where it is, the language, the scratch space. */
    static final Set<String> COMMON = Set.of("PATH", "HOME", "USER", "LOGNAME", "LANG", "LC_ALL", "TZ", "TMPDIR");

    private final Set<String> names;
    private final List<String> prefixes;

    ChildEnvironment(Set<String> names, List<String> prefixes) {
        this.names = names;
        this.prefixes = prefixes;
    }

    /** The allowed part of {@code parent}. */
    public Map<String, String> of(Map<String, String> parent) {
        Map<String, String> allowed = new TreeMap<>();
        parent.forEach((name, value) -> {
            if (allows(name)) {
                allowed.put(name, value);
            }
        });
        return allowed;
    }

    /** Gives {@code builder} the allowed part of {@code parent} and nothing else. */
    public ProcessBuilder applyTo(ProcessBuilder builder, Map<String, String> parent) {
        Map<String, String> environment = builder.environment();
        environment.clear();
        environment.putAll(of(parent));
        return builder;
    }

    /** Gives {@code builder} the allowed part of this process's environment and nothing else. */
    public ProcessBuilder applyTo(ProcessBuilder builder) {
        return applyTo(builder, System.getenv());
    }

    boolean allows(String name) {
        return COMMON.contains(name) || names.contains(name) || prefixes.stream().anyMatch(name::startsWith);
    }
}
