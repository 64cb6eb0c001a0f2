package gov.bnl.sphenix.production.plan;

/** Why a key is submitted, kept per job so that status and the audit log can say it. */
public enum SubmitCause {
    NEW("ready and never submitted"),
    RERUN("its rerun token changed"),
    LOST("the ledger believed it queued but it is in neither the queue nor its history"),
    STALE("its submission never reached the queue and was reset"),
    AGAIN("it was killed before and is wanted again");

    private final String words;

    SubmitCause(String words) {
        this.words = words;
    }

    public String words() {
        return words;
    }
}
