package gov.bnl.sphenix.production.cli;

import gov.bnl.sphenix.production.batch.condor.CondorClientFiles;
import gov.bnl.sphenix.production.k8s.OperatorMain;
import gov.bnl.sphenix.production.k8s.OperatorSettings;
import gov.bnl.sphenix.production.k8s.reconcile.Engines;
import gov.bnl.sphenix.production.k8s.reconcile.EnvironmentEngineFactory;
import gov.bnl.sphenix.production.k8s.reconcile.ProductionReconciler;
import gov.bnl.sphenix.production.k8s.reconcile.ProductionSourceReconciler;
import gov.bnl.sphenix.production.k8s.reconcile.StatusRecorder;
import gov.bnl.sphenix.production.ops.OperatorMetrics;
import gov.bnl.sphenix.production.ops.OpsServer;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;

/**
 * {@code prodctl operator}: the Kubernetes operator. Watches ProductionSource and Production
 * resources, runs the engine for each source, serves {@code /healthz}, {@code /readyz} and
 * {@code /metrics}, and with leader election acts only while it holds the Lease. Configured by the
 * environment the Helm chart sets (see docs/operations.md).
 */
@Command(name = "operator", mixinStandardHelpOptions = true,
        description = {"Run the Kubernetes operator (in a cluster: the Helm chart starts it).",
                "Configured by the environment: PRODOP_OPS_PORT, PRODOP_LEADER_ELECTION, PRODOP_WATCH_NAMESPACES,",
                "PRODOP_PASS_INTERVAL, the PRODOP_* catalog variables and PRODOP_WORK / PRODOP_*_ROOT file trees."})
public final class OperatorCommand implements Callable<Integer> {

    @picocli.CommandLine.Mixin
    LogFormatOption logFormat;

    @Override
    public Integer call() throws Exception {
        Map<String, String> env = System.getenv();
        KubernetesClient client = new KubernetesClientBuilder().build();
        OperatorMetrics metrics = new OperatorMetrics();
        Engines engines = new Engines(new EnvironmentEngineFactory(client, env));
        Duration interval = Duration.parse(env.getOrDefault("PRODOP_PASS_INTERVAL", "PT60S"));
        StatusRecorder recorder = new StatusRecorder(client, "prodctl-operator");
        OperatorMain operator = new OperatorMain(client, OperatorSettings.fromEnvironment(env), List.of(
                new ProductionSourceReconciler(client, recorder, engines, metrics, Clock.systemUTC()),
                new ProductionReconciler(engines, recorder, metrics, interval, Clock.systemUTC())), metrics.registry());
        int port = Integer.parseInt(env.getOrDefault("PRODOP_OPS_PORT", "8080"));
        CountDownLatch stopped = new CountDownLatch(1);
        try (OpsServer ops = OpsServer.start(new InetSocketAddress(port), operator::readiness, metrics)) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                operator.close();
                engines.close();
                stopped.countDown();
            }, "prodctl-operator-stop"));
            operator.start();
            System.out.println("prodctl operator: running; health, readiness and metrics on port " + ops.port());
            // what the condor tools will find, said before the first of them fails to authenticate
            CondorClientFiles condor = CondorClientFiles.ofThisProcess();
            System.out.println("prodctl operator: " + condor.describe());
            condor.problems().forEach(problem -> System.out.println("prodctl operator: warning: " + problem));
            stopped.await();
        }
        return 0;
    }
}
