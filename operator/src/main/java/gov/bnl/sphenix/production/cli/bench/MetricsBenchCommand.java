package gov.bnl.sphenix.production.cli.bench;

import gov.bnl.sphenix.production.tools.bench.MetricsBench;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code prodctl bench metrics}: what one Prometheus scrape of {@code /metrics} costs with 10, 100
 * and 1000 productions reported ({@link MetricsBench}); one line per size.
 */
@Command(name = "metrics", mixinStandardHelpOptions = true,
        description = "Benchmark a scrape of /metrics with many productions reported.")
public final class MetricsBenchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--quick", description = "10 and 100 productions only")
    boolean quick;

    @Option(names = "--productions", split = ",", description = "the sizes (default 10,100,1000)")
    List<Integer> productions;

    @Override
    public Integer call() throws Exception {
        List<Integer> sizes = productions != null ? productions : quick ? List.of(10, 100) : List.of(10, 100, 1000);
        MetricsBench bench = new MetricsBench(spec.commandLine().getOut());
        for (int size : sizes) {
            bench.run(size);
        }
        return 0;
    }
}
