package org.sparrow.interop.cli;

import picocli.CommandLine.Command;

/**
 * {@code sparrow spark …}: the local commands {@code info}, {@code multiply}, {@code solve} and
 * {@code regress} on a matrix spread over a Spark cluster ({@code org.sparrow.spark}), with the same options
 * and JSON keys plus {@code --master}/{@code --partitions} and the keys {@code partitions} and {@code master}.
 * Lives in {@code sparrow-spark.jar}, which adds it to {@code sparrow} through {@link CommandExtension}, so the
 * plain CLI jar carries no Spark; {@code ./sparrow spark …} runs it with Spark's class path, and
 * {@code spark-submit --class org.sparrow.interop.cli.SparrowCli sparrow-spark.jar spark …} on a cluster.
 */
@Command(name = "spark", mixinStandardHelpOptions = true,
        description = {"Run info, multiply, solve or regress on Apache Spark (local[*] or a cluster).",
            "The same options and JSON keys as the local commands, plus --master and --partitions."},
        subcommands = {SparkInfoCommand.class, SparkMultiplyCommand.class, SparkSolveCommand.class,
            SparkRegressCommand.class})
final class SparkCommand {

    /** Creates the command (picocli instantiates it). */
    SparkCommand() {
    }
}
