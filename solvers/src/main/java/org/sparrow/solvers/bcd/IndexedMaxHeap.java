package org.sparrow.solvers.bcd;

/**
 * A binary max-heap over the items 0..n−1 keyed by a score, with the position of every item kept so that
 * changing one item's key costs O(log n) and the maximum is read in O(1). This is what keeps greedy selection
 * from rescanning every coordinate or block: after a sparse update only the items whose gradient changed are
 * re-keyed (for a sparse problem, the neighbours of the updated block), so a greedy iteration costs
 * O(changed·log n) instead of O(n).
 */
final class IndexedMaxHeap {

    private final double[] key;
    private final int[] heap;
    private final int[] pos;

    /** All n items with key −∞. */
    IndexedMaxHeap(int n) {
        key = new double[n];
        heap = new int[n];
        pos = new int[n];
        for (int i = 0; i < n; i++) {
            key[i] = Double.NEGATIVE_INFINITY;
            heap[i] = i;
            pos[i] = i;
        }
    }

    /** The item with the largest key (ties: any). */
    int top() {
        return heap[0];
    }

    /** The key of an item. */
    double key(int item) {
        return key[item];
    }

    /** Sets an item's key and restores the heap order: O(log n). */
    void update(int item, double k) {
        double old = key[item];
        key[item] = k;
        if (k > old) {
            up(pos[item]);
        } else if (k < old) {
            down(pos[item]);
        }
    }

    private void up(int p) {
        int item = heap[p];
        double k = key[item];
        while (p > 0) {
            int parent = (p - 1) >>> 1;
            int q = heap[parent];
            if (key[q] >= k) {
                break;
            }
            heap[p] = q;
            pos[q] = p;
            p = parent;
        }
        heap[p] = item;
        pos[item] = p;
    }

    private void down(int p) {
        int n = heap.length;
        int item = heap[p];
        double k = key[item];
        while (true) {
            int c = 2 * p + 1;
            if (c >= n) {
                break;
            }
            if (c + 1 < n && key[heap[c + 1]] > key[heap[c]]) {
                c++;
            }
            int q = heap[c];
            if (key[q] <= k) {
                break;
            }
            heap[p] = q;
            pos[q] = p;
            p = c;
        }
        heap[p] = item;
        pos[item] = p;
    }
}
