package org.sparrow.interop.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Where {@code sparrow spark} reads its files: the arguments as typed, so a URI keeps its authority. */
class SparkInputTest {

    @Test
    void aUriArgumentKeepsItsNameNodeThoughThePathFoldsTheDoubleSlash() {
        CommandLine cl = new CommandLine(new SparkSolveCommand());
        cl.parseArgs("hdfs://nn2:8020/data/a.mtx", "--rhs", "s3a://bucket/b.mtx");
        Path a = Path.of("hdfs://nn2:8020/data/a.mtx");
        // What the command's Path field holds no longer names the name node...
        assertEquals("hdfs:/nn2:8020/data/a.mtx", a.toString());
        // ...but the location handed to Hadoop is the argument as typed.
        assertEquals("hdfs://nn2:8020/data/a.mtx", SparkInput.location(cl.getCommandSpec(), a));
        assertEquals("s3a://bucket/b.mtx", SparkInput.location(cl.getCommandSpec(), Path.of("s3a://bucket/b.mtx")));
    }

    @Test
    void aPlainPathOrOneNotAmongTheArgumentsIsReadAsItIs() {
        CommandLine cl = new CommandLine(new SparkSolveCommand());
        cl.parseArgs("examples/1138_bus.mtx");
        assertEquals("examples/1138_bus.mtx", SparkInput.location(cl.getCommandSpec(), Path.of("examples/1138_bus.mtx")));
        assertEquals("other.mtx", SparkInput.location(cl.getCommandSpec(), Path.of("other.mtx")));
        assertEquals("other.mtx", SparkInput.location(null, Path.of("other.mtx")));
    }
}
