package gov.bnl.sphenix.production.batch.wrapper;

import gov.bnl.sphenix.production.batch.ChildEnvironment;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One run of the payload script: started in the staging directory with the job's stdout and stderr,
 * waited for, and stopped together with its children if the wrapper itself is stopped (the batch
 * system removed or held the job) so that no payload outlives its job.
 */
record PayloadRun(int exitCode, String problem) {

    static PayloadRun run(WrapperRequest request, Path staging, Map<String, String> environment) {
        List<String> command = new ArrayList<>();
        command.add(request.script().toString());
        command.addAll(request.arguments());
        ProcessBuilder builder = ChildEnvironment.JOBS.applyTo(new ProcessBuilder(command), environment)
                .directory(staging.toFile()).inheritIO();
        builder.environment().put("PRODOP_JOB_KEY", request.jobKey());
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            return new PayloadRun(JobWrapper.EXIT_CANNOT_START, "cannot start the payload: " + e.getMessage());
        }
        Thread stopPayload = new Thread(() -> {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }, "stop-payload");
        Runtime.getRuntime().addShutdownHook(stopPayload);
        try {
            int code = process.waitFor();
            return new PayloadRun(code, code == 0 ? null : "payload exited with " + code);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            return new PayloadRun(130, "interrupted while the payload ran");
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(stopPayload);
            } catch (IllegalStateException shuttingDown) {
                // the hook is already running: the JVM is going down and stops the payload
            }
        }
    }
}
