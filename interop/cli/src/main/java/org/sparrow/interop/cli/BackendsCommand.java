package org.sparrow.interop.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.sparrow.core.backend.Availability;
import org.sparrow.core.backend.Backend;
import org.sparrow.core.backend.BackendOptions;
import org.sparrow.core.backend.Backends;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code sparrow backends}: every SpMM backend ({@link Backends#all()}), whether it can run here,
 * what it is or why it cannot, and how {@code auto} chooses between them.
 *
 * <p>Text: one line per backend ({@code name  available|unavailable  description or reason}), its
 * details indented under it, then the default choice and GPU threshold. Exit code 0 whatever is
 * available: the listing is the answer.
 *
 * <p>JSON keys: {@code backends} (an object keyed by backend name, each with {@code available, gpu,
 * description} ({@code null} when unavailable), {@code reason} ({@code null} when available) and
 * {@code details} (one string, lines joined by {@code "; "})), then {@code default_backend},
 * {@code gpu_threshold} and {@code gpu_threshold_measured} (false for the built-in estimate).
 */
@Command(name = "backends", mixinStandardHelpOptions = true,
        description = "List the SpMM backends (CPU, CUDA GPU): which can run here, and why not.")
final class BackendsCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private CommonOptions common;

    @Override
    public Integer call() {
        BackendOptions options = BackendOptions.defaults();
        List<Backend> all = Backends.all();
        PrintWriter out = spec.commandLine().getOut();
        String threshold = options.isDefaultThreshold()
                ? "built-in estimate, not measured; set -D" + BackendOptions.GPU_THRESHOLD_PROPERTY
                : "from -D" + BackendOptions.GPU_THRESHOLD_PROPERTY;
        if (common.json) {
            Json backends = new Json();
            for (Backend b : all) {
                Availability av = b.availability();
                backends.put(b.name(), new Json()
                        .put("available", av.available())
                        .put("gpu", b.isGpu())
                        .put("description", av.available() ? av.description() : null)
                        .put("reason", av.reason())
                        .put("details", String.join("; ", av.details())));
            }
            out.println(new Json()
                    .put("backends", backends)
                    .put("default_backend", options.backend().label())
                    .put("gpu_threshold", options.gpuThreshold())
                    .put("gpu_threshold_measured", !options.isDefaultThreshold()));
        } else {
            int width = 0;
            for (Backend b : all) {
                width = Math.max(width, b.name().length());
            }
            String indent = " ".repeat(width + 2 + "unavailable".length() + 2);
            for (Backend b : all) {
                Availability av = b.availability();
                out.println(pad(b.name(), width) + "  " + pad(av.available() ? "available" : "unavailable",
                        "unavailable".length()) + "  " + av.description());
                for (String d : av.details()) {
                    out.println(indent + d);
                }
            }
            out.println("default: " + options.backend().label() + " (-D" + BackendOptions.BACKEND_PROPERTY
                    + " or --backend); auto uses the GPU when nnz·k ≥ " + options.gpuThreshold() + " (" + threshold + ")");
        }
        out.flush();
        return SparrowCli.EXIT_OK;
    }

    private static String pad(String s, int width) {
        return s + " ".repeat(Math.max(0, width - s.length()));
    }
}
