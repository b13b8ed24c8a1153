package org.sparrow.benchmarks.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Random;
import no.uib.cipr.matrix.DenseMatrix;
import no.uib.cipr.matrix.DenseVector;
import org.junit.jupiter.api.Test;
import org.sparrow.core.CsrMatrix;
import org.sparrow.core.gen.Generators;

class MtjPeerTest {

    @Test
    void mtjPeerProductsMatchSparrowsOnARandomMatrix() {
        CsrMatrix a = Generators.random(37, 23, 0.2, 11);
        MtjPeer peer = new MtjPeer(a);
        Random r = new Random(4);
        double[] x = r.doubles(a.cols()).toArray();
        DenseVector y = new DenseVector(a.rows());
        peer.multiply(new DenseVector(x), y);
        assertArrayEquals(a.apply(x), y.getData(), 1e-13);

        int k = 3;
        double[] xb = r.doubles((long) a.cols() * k).toArray();
        double[] yb = new double[a.rows() * k];
        a.applyBlock(xb, yb, k);
        DenseMatrix my = new DenseMatrix(a.rows(), k);
        peer.multiply(MtjPeer.fromRowMajor(xb, a.cols(), k), my);
        assertArrayEquals(yb, MtjPeer.toRowMajor(my), 1e-13);
    }
}
