package org.sparrow.interop.cli;

import org.apache.spark.SparkConf;
import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaSparkContext;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The options every {@code sparrow spark} command adds to the local command's: {@code --master} and
 * {@code --partitions}, and the Spark context they describe.
 *
 * <p>The master: {@code --master} when given; else the one {@code spark-submit} set ({@code spark.master});
 * else {@code local[*]} (every core of this machine). A local master binds the driver to 127.0.0.1 and
 * turns the web UI off (a command line run needs neither); Spark's Java serializer is used everywhere (Kryo
 * cannot read records). Partitions: {@code --partitions}, else Spark's default parallelism (the cores of a
 * local master, the executors' cores on a cluster).
 */
final class SparkOptions {

    @Spec(Spec.Target.MIXEE)
    private CommandSpec mixee;

    @Option(names = "--master", paramLabel = "URL",
            description = "Spark master: local[*] (default), local[N], spark://HOST:PORT, yarn, k8s://...; "
                    + "spark-submit's --master is used when this is not given.")
    String master;

    private int partitions;

    /** Whether {@link #start} created the context (so {@link #stop} stops it). */
    private boolean owned;

    /** Creates the mixin (picocli instantiates it). */
    SparkOptions() {
    }

    /** {@code --partitions N}: N ≥ 1, a usage error otherwise. */
    @Option(names = "--partitions", paramLabel = "N",
            description = "Partitions of the distributed matrix, ≥ 1 (default: Spark's default parallelism).")
    void setPartitions(int n) {
        if (n < 1) {
            throw new ParameterException(mixee.commandLine(), "--partitions must be ≥ 1, got " + n);
        }
        partitions = n;
    }

    /**
     * Starts the Spark context for command {@code name}, or joins the one already running in this JVM.
     *
     * @param name the command, for the application name
     * @return the context; the caller hands it to {@link #stop}
     */
    JavaSparkContext start(String name) {
        SparkConf conf = new SparkConf().setAppName("sparrow spark " + name)
                .set("spark.serializer", "org.apache.spark.serializer.JavaSerializer")
                .set("spark.ui.showConsoleProgress", "false");
        if (master != null) {
            conf.setMaster(master);
        } else if (!conf.contains("spark.master")) {
            conf.setMaster("local[*]");
        }
        if (conf.get("spark.master").startsWith("local")) {
            conf.setIfMissing("spark.driver.host", "127.0.0.1").setIfMissing("spark.driver.bindAddress", "127.0.0.1")
                    .setIfMissing("spark.ui.enabled", "false");
        }
        long before = System.currentTimeMillis();
        SparkContext context = SparkContext.getOrCreate(conf); // a JVM runs one context: reuse a running one
        owned = context.startTime() >= before;
        if (owned) {
            context.setLogLevel("WARN");
        }
        return JavaSparkContext.fromSparkContext(context);
    }

    /**
     * Stops the context if {@link #start} created it (one that was already running, e.g. in an application that
     * embeds the CLI, is left running).
     *
     * @param sc the context {@link #start} returned
     */
    void stop(JavaSparkContext sc) {
        if (owned) {
            sc.stop();
        }
    }

    /**
     * The partition count to use with context {@code sc}.
     *
     * @param sc the context
     * @return {@code --partitions}, or Spark's default parallelism
     */
    int partitions(JavaSparkContext sc) {
        return partitions > 0 ? partitions : Math.max(1, sc.defaultParallelism());
    }

    /**
     * Adds {@code partitions} and {@code master} to a report, after the local command's keys.
     *
     * @param rep        the report
     * @param sc         the context
     * @param partitions the partitions used
     * @return the report
     */
    static Report describe(Report rep, JavaSparkContext sc, int partitions) {
        return rep.put("partitions", "partitions", partitions).put("master", "master", sc.master());
    }
}
