package org.sparrow.interop.cli;

/**
 * A command that a jar on the class path adds to {@code sparrow}, found with {@link java.util.ServiceLoader}
 * (a {@code META-INF/services/org.sparrow.interop.cli.CommandExtension} entry): how {@code sparrow-spark.jar}
 * adds {@code sparrow spark …} without the plain CLI jar carrying Spark. The command runs under the same root,
 * so it has the same error handling, exit codes and {@code --json}/{@code --verbose} behaviour as the others.
 */
public interface CommandExtension {

    /**
     * The picocli {@code @Command} class to register as a subcommand of {@code sparrow}.
     *
     * @return the command class
     */
    Class<?> command();
}
