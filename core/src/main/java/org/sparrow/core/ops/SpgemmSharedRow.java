package org.sparrow.core.ops;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;
import org.sparrow.core.CsrMatrix;
import org.sparrow.core.Parallelism;

/**
 * A heavy row of {@link Spgemm} computed by all workers into one shared table (the SMASH merge):
 * keys are claimed with a compare-and-set on an {@code int[]} {@link VarHandle}, values added with a
 * compare-and-set loop on a {@code double[]} {@link VarHandle}.
 */
final class SpgemmSharedRow {
    private static final VarHandle KEYS = MethodHandles.arrayElementVarHandle(int[].class);
    private static final VarHandle VALUES = MethodHandles.arrayElementVarHandle(double[].class);

    final int[] cols;
    final double[] vals;

    private SpgemmSharedRow(int[] cols, double[] vals) {
        this.cols = cols;
        this.vals = vals;
    }

    static SpgemmSharedRow multiply(CsrMatrix a, CsrMatrix b, int i, int bound, SpgemmOptions o) {
        int cap = SpgemmAccumulator.tableCapacity(bound);
        int mask = cap - 1;
        int shift = Integer.numberOfLeadingZeros(mask);
        int[] keys = new int[cap];
        Arrays.fill(keys, -1);
        double[] vals = new double[cap];
        Arrays.fill(vals, -0.0); // −0 + x == x for every x, so the first product lands exactly
        int[] ap = a.rowPointers();
        int[] aj = a.columnIndices();
        double[] ax = a.values();
        int[] bp = b.rowPointers();
        int[] bj = b.columnIndices();
        double[] bx = b.values();
        // Split this row's A-entries into chunks of about equal flops, handed out to the workers.
        int from = ap[i];
        int len = ap[i + 1] - from;
        long[] prefix = new long[len + 1];
        for (int q = 0; q < len; q++) {
            int kk = aj[from + q];
            prefix[q + 1] = prefix[q] + bp[kk + 1] - bp[kk];
        }
        int[] chunks = KernelSupport.splitPrefix(prefix, len, o.threads() * KernelSupport.TASKS_PER_THREAD);
        Parallelism.forEachTask(o.threads(), chunks.length - 1, c -> {
            for (int q = from + chunks[c]; q < from + chunks[c + 1]; q++) {
                int kk = aj[q];
                double aik = ax[q];
                for (int r = bp[kk]; r < bp[kk + 1]; r++) {
                    int j = bj[r];
                    int slot = (j * SpgemmAccumulator.HASH_MULTIPLIER) >>> shift;
                    while (true) {
                        int key = (int) KEYS.getVolatile(keys, slot);
                        if (key == j) {
                            break;
                        }
                        if (key < 0 && KEYS.compareAndSet(keys, slot, -1, j)) {
                            break;
                        }
                        if (key >= 0) {
                            slot = (slot + 1) & mask;
                        } // else another worker claimed the slot first: look at it again
                    }
                    double product = aik * bx[r];
                    double old;
                    do { // c_ij += a_ik b_kj, atomically
                        old = (double) VALUES.getVolatile(vals, slot);
                    } while (!VALUES.compareAndSet(vals, slot, old, old + product));
                }
            }
        });
        // Gather the claimed slots (all workers are done: plain reads are safe after the join).
        int n = 0;
        long[] packed = new long[Math.min(cap, bound)];
        for (int slot = 0; slot < cap; slot++) {
            if (keys[slot] >= 0) {
                if (!o.dropZeros() || vals[slot] != 0.0) {
                    packed[n++] = ((long) keys[slot] << 32) | slot;
                }
            }
        }
        if (o.sorted()) {
            Arrays.sort(packed, 0, n);
        }
        int[] cols = new int[n];
        double[] v = new double[n];
        for (int t = 0; t < n; t++) {
            cols[t] = (int) (packed[t] >>> 32);
            v[t] = vals[(int) packed[t]];
        }
        return new SpgemmSharedRow(cols, v);
    }
}
