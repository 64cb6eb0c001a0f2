package gov.bnl.sphenix.production.catalog.readiness;

import java.util.Arrays;
import java.util.Optional;

/**
 * Why a run of a production has no job yet, in the order a shift person checks: a run gets the
 * first of these that holds. The order goes from what the spec decides (selection, masks), over
 * what the DAQ decides (a run still going, the run cuts), to what moves on by itself (files on
 * their way, upstream outputs still to come). {@link #READY} is not a wait: its inputs are in place.
 */
public enum WaitReason {

    /** not in the production's runs, of another runtype, or unknown to the DAQ database */
    NOT_SELECTED("notSelected", "not selected"),
    /** every host of the product that took part in the run is masked */
    MASKED("masked", "masked"),
    /** none of the product's hosts took part in the run */
    NO_HOSTS("noHosts", "no host of the product took part"),
    /** the DAQ has not ended the run */
    STILL_RUNNING("stillRunning", "still running at the DAQ"),
    /** too short or too few events for the rule's cuts */
    BELOW_CUTS("belowRunCuts", "below the run cuts"),
    /** a host took part and the catalog has no usable file of it, nor does the DAQ list one on its way */
    NO_FILE("noFile", "no usable file"),
    /** files the DAQ wrote are not at SDCC yet */
    NOT_TRANSFERRED("notTransferred", "not transferred"),
    /** files are catalogued but only on tape or still being staged */
    NOT_ON_DISK("onlyOnTape", "only on tape"),
    /** an upstream product has not made the outputs this product reads */
    UPSTREAM_MISSING("upstreamNotDone", "upstream not done"),
    /** every input is in place: the run has jobs */
    READY("ready", "ready");

    private final String key;
    private final String words;

    WaitReason(String key, String words) {
        this.key = key;
        this.words = words;
    }

    /** The name in JSON and on the Kubernetes resource; stable, scripts read it. */
    public String key() {
        return key;
    }

    /** What a person reads: "not transferred". */
    public String words() {
        return words;
    }

    public boolean waits() {
        return this != READY;
    }

    public static Optional<WaitReason> ofKey(String key) {
        return Arrays.stream(values()).filter(r -> r.key.equals(key)).findFirst();
    }
}
