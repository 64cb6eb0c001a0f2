package gov.bnl.sphenix.production.plan;

/** Why a key is submitted, kept per job so that status and the audit log can say it. */
public enum SubmitCause {
    NEW("ready and never submitted"),
    RERUN("to redo under a new rerun token"),
    LOST("lost: believed queued, but in neither the queue nor its history"),
    STALE("whose submission never reached the queue"),
    AGAIN("killed before and wanted again");

    private final String words;

    SubmitCause(String words) {
        this.words = words;
    }

    public String words() {
        return words;
    }
}
