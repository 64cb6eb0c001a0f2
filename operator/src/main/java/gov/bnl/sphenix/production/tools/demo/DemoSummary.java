package gov.bnl.sphenix.production.tools.demo;

import java.nio.file.Path;

/**
 * What the demo came to; {@link #lastLine()} is the line the README promises.
 *
 * @param duplicateSubmissions jobs that shared their key with another job in the batch system at the same time
 */
public record DemoSummary(long jobsFinished, long heldAndReleased, long killedByRevert, long outputsRegistered,
                          long outputsDeleted, long duplicateSubmissions, Path leftIn) {

    public String lastLine() {
        return "demo: " + jobsFinished + " jobs finished, " + heldAndReleased + " held and released, " + killedByRevert
                + " killed by revert, " + outputsRegistered + " outputs registered, " + duplicateSubmissions
                + " duplicate submissions";
    }
}
