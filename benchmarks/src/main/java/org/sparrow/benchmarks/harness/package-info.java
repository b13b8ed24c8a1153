/**
 * The benchmark harness every suite is built on, so that a new suite is its data and its report:
 * {@link org.sparrow.benchmarks.harness.Timer} (cold call, warm-up, median of timed runs within a budget),
 * {@link org.sparrow.benchmarks.harness.Stats#median} (the one median),
 * {@link org.sparrow.benchmarks.harness.PythonPeer} (a scipy script run with python3, with a clear note
 * when python3 or scipy is missing), {@link org.sparrow.benchmarks.harness.Table} (CSV and Markdown
 * tables), {@link org.sparrow.benchmarks.harness.MachineInfo} (the machine and the peers' versions),
 * {@link org.sparrow.benchmarks.harness.Args} (the command line) and
 * {@link org.sparrow.benchmarks.harness.MediumMatrixBenchmark} (the JMH state of the kernel
 * micro-benchmarks).
 */
package org.sparrow.benchmarks.harness;
