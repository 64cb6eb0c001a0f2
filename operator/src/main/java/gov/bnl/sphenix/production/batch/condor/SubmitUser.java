package gov.bnl.sphenix.production.batch.condor;

import gov.bnl.sphenix.production.batch.BatchSystemException;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The owner of our jobs. Configured, or else the identity the schedd gives our tools, asked once
 * with {@code condor_ping}: with a remote schedd and tokens that identity, not the local account,
 * becomes a submitted job's {@code Owner}. Until the owner is known nothing is read, changed or
 * submitted, since a constraint without it would reach other users' jobs.
 */
final class SubmitUser {

    private static final Logger log = LoggerFactory.getLogger(SubmitUser.class);
    /** A Unix user name as HTCondor writes it in {@code Owner}. */
    static final Pattern NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]*");

    private final CondorCli cli;
    private final CondorCommands commands;
    private volatile String known;

    SubmitUser(Optional<String> configured, CondorCli cli, CondorCommands commands) {
        this.cli = cli;
        this.commands = commands;
        this.known = configured.orElse(null);
    }

    /** The owner; throws when it is not configured and the schedd cannot tell. */
    String require() {
        String user = known;
        if (user != null) {
            return user;
        }
        synchronized (this) {
            if (known == null) {
                CommandResult result = cli.run(commands.identity());
                if (!result.succeeded()) {
                    throw new BatchSystemException("cannot tell which user our jobs belong to: " + result.describe()
                            + "; set the submit user");
                }
                known = fromPing(result.stdout()).orElseThrow(() -> new BatchSystemException(
                        "cannot tell which user our jobs belong to: condor_ping names no authenticated user in "
                                + result.stdout().strip() + "; set the submit user"));
                log.info("our jobs are those of Owner {}, the user the schedd sees us as", known);
            }
            return known;
        }
    }

    /**
     * The user of the WRITE row of {@code condor_ping -table WRITE}
     * ({@code WRITE  FS  AES  AES  ALLOW  submitter@vm}); empty for an unauthenticated or unmapped one.
     */
    static Optional<String> fromPing(String table) {
        return table.lines().map(String::strip).filter(line -> line.startsWith("WRITE ")).findFirst()
                .map(line -> line.substring(line.lastIndexOf(' ') + 1))
                .map(identity -> identity.contains("@") ? identity.substring(0, identity.indexOf('@')) : identity)
                .filter(user -> NAME.matcher(user).matches())
                .filter(user -> !user.equals("unauthenticated") && !user.equals("unmapped"));
    }
}
