package org.sparrow.benchmarks.kernels;

import java.io.IOException;
import org.sparrow.benchmarks.BenchmarkData;
import org.sparrow.core.CsrMatrix;
import org.sparrow.core.io.MatrixMarket;

/** Inputs shared by the kernel micro-benchmarks: the medium matrices by short name. */
final class KernelInputs {

    private KernelInputs() {
    }

    /**
     * Reads {@code BenchmarkData.dataDir()/medium/NAME.mtx.gz} into canonical CSR.
     *
     * @param name short name, e.g. {@code bcsstk33}
     * @return the matrix, symmetric storage expanded
     */
    static CsrMatrix medium(String name) throws IOException {
        return MatrixMarket.readCsr(BenchmarkData.matrix("medium/" + name + ".mtx.gz"));
    }
}
