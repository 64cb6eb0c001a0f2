package gov.bnl.sphenix.production.k8s;

import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;

/** What a {@link ProductionSource} points at. Credentials live in Secrets; only their names are here. */
public class ProductionSourceSpec {

    @Required
    private String url;
    @Default("main")
    private String branch = "main";
    /**
     * Sub-directory of the repository that holds catalogue.yaml, rules/ and productions/; empty
     * for the top. No {@code @Default}: the generator writes an empty default as {@code null},
     * which an API server rejects for a string; the field's initial value covers an absent path.
     */
    private String path = "";
    @Pattern("^[0-9]+(s|m|h)$")
    @Default("60s")
    private String fetchInterval = "60s";
    /** A Secret with {@code username} and {@code password} (or a token as password) for https. */
    private String gitCredentialsSecret;
    /** A Secret with JDBC URLs and credentials of the DAQ, raw data and file catalogs and the ledger. */
    private String catalogSecret;
    private BatchSettings batch = new BatchSettings();
    private boolean suspend;

    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = url;
    }

    public String getBranch() {
        return branch;
    }

    public void setBranch(String branch) {
        this.branch = branch;
    }

    public String getPath() {
        return path;
    }

    public void setPath(String path) {
        this.path = path;
    }

    public String getFetchInterval() {
        return fetchInterval;
    }

    public void setFetchInterval(String fetchInterval) {
        this.fetchInterval = fetchInterval;
    }

    public String getGitCredentialsSecret() {
        return gitCredentialsSecret;
    }

    public void setGitCredentialsSecret(String gitCredentialsSecret) {
        this.gitCredentialsSecret = gitCredentialsSecret;
    }

    public String getCatalogSecret() {
        return catalogSecret;
    }

    public void setCatalogSecret(String catalogSecret) {
        this.catalogSecret = catalogSecret;
    }

    public BatchSettings getBatch() {
        return batch;
    }

    public void setBatch(BatchSettings batch) {
        this.batch = batch;
    }

    public boolean isSuspend() {
        return suspend;
    }

    public void setSuspend(boolean suspend) {
        this.suspend = suspend;
    }

    /** Which batch system runs the jobs, and how the operator reaches it. */
    public static class BatchSettings {
        @Pattern("^(condor|local)$")
        @Default("condor")
        private String system = "condor";
        /**
         * Words put before every HTCondor tool, separated by spaces, e.g. a wrapper that logs in to
         * the submit host; empty: the operator's {@code CONDOR_COMMAND_PREFIX}, else the tools on the PATH.
         */
        private String commandPrefix;
        /** The schedd that holds the jobs ({@code host} or {@code name@host}); empty: the tools' default. */
        @Pattern("^[A-Za-z0-9][A-Za-z0-9._@-]*$")
        private String scheddName;

        public String getSystem() {
            return system;
        }

        public void setSystem(String system) {
            this.system = system;
        }

        public String getCommandPrefix() {
            return commandPrefix;
        }

        public void setCommandPrefix(String commandPrefix) {
            this.commandPrefix = commandPrefix;
        }

        public String getScheddName() {
            return scheddName;
        }

        public void setScheddName(String scheddName) {
            this.scheddName = scheddName;
        }
    }
}
