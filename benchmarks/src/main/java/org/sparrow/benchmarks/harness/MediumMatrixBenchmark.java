package org.sparrow.benchmarks.harness;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.sparrow.benchmarks.BenchmarkData;
import org.sparrow.core.CsrMatrix;
import org.sparrow.core.io.MatrixMarket;

/**
 * The JMH state every kernel micro-benchmark shares: one medium matrix of four different structures — a
 * FEM stiffness matrix (bcsstk33), a power-law graph (wiki-Vote), a road network with very short rows
 * (luxembourg_osm) and a nonsymmetric CFD matrix (e20r0000) — on 1 and 2 threads, read once per trial
 * into canonical CSR. The settings (average time in µs, 5 warm-up and 10 measured one-second iterations,
 * one fork with a 4 GiB heap) are inherited by the subclasses, which may override any of them with their
 * own annotation. A subclass adds its {@code @Benchmark} methods and prepares its other inputs in
 * {@link #prepare()}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g", "--enable-native-access=ALL-UNNAMED"})
public abstract class MediumMatrixBenchmark {

    /** Which medium matrix (file name without {@code .mtx.gz}). */
    @Param({"bcsstk33", "wiki-Vote", "luxembourg_osm", "e20r0000"})
    public String matrix;

    /** Worker threads. */
    @Param({"1", "2"})
    public int threads;

    /** The matrix, symmetric storage expanded; set by {@link #readMatrix()}. */
    protected CsrMatrix a;

    /** Created by JMH, which then sets the {@code @Param} fields and calls {@link #readMatrix()}. */
    protected MediumMatrixBenchmark() {
    }

    /**
     * Reads {@code BenchmarkData.dataDir()/medium/MATRIX.mtx.gz}, then calls {@link #prepare()}.
     *
     * @throws IOException if the matrix cannot be read
     */
    @Setup(Level.Trial)
    public final void readMatrix() throws IOException {
        a = MatrixMarket.readCsr(BenchmarkData.matrix("medium/" + matrix + ".mtx.gz"));
        prepare();
    }

    /** Prepares the benchmark's other inputs from {@link #a}, {@link #threads} and its own parameters. */
    protected void prepare() {
    }
}
