package org.sparrow.spark;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * The one Spark context of a test JVM: starting one takes 10–16 s here, each small job about 0.15 s,
 * so every test class of this module shares it (Surefire runs the classes in one JVM). Local mode with
 * two worker threads, bound to 127.0.0.1, no web UI, Spark's Java serializer (Kryo cannot read
 * records). {@code local[2,4]}: two threads, and a failed task is retried up to four times, as on a
 * cluster (plain {@code local[2]} never retries, which the re-execution test needs). Stopped when the
 * JVM exits.
 */
public final class SharedSpark {

    private static JavaSparkContext context;

    private SharedSpark() {
    }

    /**
     * The shared context, started on first use.
     *
     * @return the context
     */
    public static synchronized JavaSparkContext context() {
        if (context == null) {
            SparkConf conf = new SparkConf()
                    .setMaster("local[2,4]")
                    .setAppName("sparrow-spark-tests")
                    .set("spark.driver.host", "127.0.0.1")
                    .set("spark.driver.bindAddress", "127.0.0.1")
                    .set("spark.ui.enabled", "false")
                    .set("spark.ui.showConsoleProgress", "false")
                    .set("spark.serializer", "org.apache.spark.serializer.JavaSerializer")
                    .set("spark.default.parallelism", "2")
                    .set("spark.sql.shuffle.partitions", "2");
            context = new JavaSparkContext(conf);
            context.setLogLevel("WARN");
            JavaSparkContext started = context;
            Runtime.getRuntime().addShutdownHook(new Thread(started::stop, "stop-shared-spark"));
        }
        return context;
    }
}
