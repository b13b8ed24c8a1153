/**
 * The {@code sparrow} command line ({@link org.sparrow.interop.cli.SparrowCli}): parsing, printing
 * and wiring only. Every figure a command prints and every file it writes comes from a public
 * library call, so engineering code can do the same with the same call.
 */
package org.sparrow.interop.cli;
