package org.sparrow.interop.cli;

/** Registers {@code sparrow spark} with {@code sparrow} (listed in META-INF/services of sparrow-spark.jar). */
public final class SparkCommandExtension implements CommandExtension {

    /** Creates the extension (the service loader instantiates it). */
    public SparkCommandExtension() {
    }

    @Override
    public Class<?> command() {
        return SparkCommand.class;
    }
}
