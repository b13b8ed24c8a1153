#!/usr/bin/env python3
"""Times scipy.io.mmread (fast_matrix_market inside) on Matrix Market files.

Usage: mmread_scipy.py REPEATS FILE [FILE ...]
Prints one CSV line per file: file,median_seconds,runs  (after two warm-up reads).
Exits 3 if scipy is not importable, so the caller can report the peer as absent.
"""
import statistics
import sys
import time

try:
    import scipy
    import scipy.io
except ImportError:
    sys.stderr.write("scipy is not installed\n")
    sys.exit(3)


def main():
    repeats = int(sys.argv[1])
    print(f"# scipy {scipy.__version__}")
    for path in sys.argv[2:]:
        for _ in range(2):
            scipy.io.mmread(path)
        times = []
        for _ in range(repeats):
            t = time.perf_counter()
            scipy.io.mmread(path)
            times.append(time.perf_counter() - t)
        print(f"{path},{statistics.median(times):.6f},{repeats}")


if __name__ == "__main__":
    main()
