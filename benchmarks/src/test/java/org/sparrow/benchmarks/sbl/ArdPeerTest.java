package org.sparrow.benchmarks.sbl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparrow.core.DenseMatrix;

class ArdPeerTest {

    @Test
    void jobFileHoldsTheShapesThenTheFactorsRowMajorThenY(@TempDir Path dir) throws Exception {
        DenseMatrix a = new DenseMatrix(2, 3, new double[] {1, 2, 3, 4, 5, 6});
        DenseMatrix b = new DenseMatrix(1, 2, new double[] {7, 8});
        Path f = dir.resolve("job.bin");
        ArdPeer.writeJob(f, List.of(a, b), new double[] {9, 10});
        assertArrayEquals(new double[] {2, 2, 3, 1, 2, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, ArdPeer.readDoubles(f));
    }
}
