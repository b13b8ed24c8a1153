package org.sparrow.interop.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.sparrow.core.CsrMatrix;
import org.sparrow.core.gen.Generators;
import org.sparrow.core.io.MatrixMarket;
import org.sparrow.core.io.MatrixMarketWriteOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code sparrow generate KIND --n N … -o FILE}: writes a seeded, reproducible matrix made by
 * {@link Generators} (see there for the exact definitions).
 *
 * <ul>
 *   <li>{@code poisson2d --n N}: {@link Generators#poisson2d}, N is the grid side, an N²×N² matrix;</li>
 *   <li>{@code poisson3d --n N}: {@link Generators#poisson3d}, N is the grid side, an N³×N³ matrix;</li>
 *   <li>{@code random --n N [--cols C] --density D [--seed S]}: {@link Generators#random}, N rows
 *       and C columns (default C = N), each entry present with probability D;</li>
 *   <li>{@code rmat --n N [--edge-factor E] [--seed S]}: {@link Generators#rmat}, N is the scale,
 *       a 2^N×2^N matrix from E·2^N edges (default E = {@value #DEFAULT_EDGE_FACTOR}, Graph500's),
 *       values counting duplicate edges.</li>
 * </ul>
 *
 * <p>The Poisson matrices are written in symmetric storage (lower triangle), the others as general.
 * A comment line in the file records the command that made it. The default seed is
 * {@value #DEFAULT_SEED}, so a command without {@code --seed} always writes the same file, whatever
 * {@code --threads} says.
 *
 * <p>Usage errors (exit 2): an unknown kind; {@code --n}, {@code --cols} or {@code --edge-factor}
 * below 1; {@code --density} outside (0, 1] (so {@code --density 0} is exit 2); an rmat scale above
 * {@value Generators#RMAT_MAX_SCALE}; an option that the kind does not take; {@code random} without
 * {@code --density}. A well-formed request whose matrix would exceed what a CSR matrix holds is a
 * failure (exit 1), with the library's message.
 *
 * <p>{@code -o -} writes to stdout; a name whose suffix is not a Matrix Market one is refused. The
 * line saying what was written goes to stderr; {@code --json} prints its object on stdout instead.
 *
 * <p>JSON keys, in order: {@code kind, rows, cols, nnz} (stored entries of the full matrix),
 * {@code output, seed} ({@code null} for the deterministic Poisson kinds).
 */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Write a generated matrix (seeded, reproducible): poisson2d, poisson3d, random or rmat.")
final class GenerateCommand implements Callable<Integer> {

    /** The seed used when {@code --seed} is not given. */
    static final long DEFAULT_SEED = 42;

    /** The rmat edge factor used when {@code --edge-factor} is not given (Graph500's). */
    static final int DEFAULT_EDGE_FACTOR = 16;

    /** What {@code generate} can make. */
    enum Kind {
        /** 5-point Laplacian on an n×n grid. */
        POISSON2D,
        /** 7-point Laplacian on an n×n×n grid. */
        POISSON3D,
        /** Bernoulli random sparse matrix. */
        RANDOM,
        /** R-MAT power-law graph. */
        RMAT;

        /** The name on the command line, e.g. {@code poisson2d}. */
        String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    @Spec
    private CommandSpec spec;

    @Mixin
    private CommonOptions common;

    @Parameters(index = "0", paramLabel = "KIND", converter = KindConverter.class,
            description = "poisson2d, poisson3d, random or rmat.")
    private Kind kind;

    private int n;
    private Integer cols;
    private Double density;
    private Integer edgeFactor;
    private Long seed;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", required = true,
            description = "The file to write (.mtx, .mtx.gz, or - for stdout); a name ending in .gz is compressed.")
    private Path output;

    /** {@code --n N}, ≥ 1: the grid side (poisson2d/3d), the rows (random) or the scale (rmat). */
    @Option(names = "--n", paramLabel = "N", required = true,
            description = "Size: grid side for poisson2d/poisson3d, rows for random, scale (2^N vertices) for rmat.")
    void setN(int value) {
        if (value < 1) {
            throw new ParameterException(spec.commandLine(), "--n must be ≥ 1, got " + value);
        }
        n = value;
    }

    /** {@code --cols C}, ≥ 1 (random only). */
    @Option(names = "--cols", paramLabel = "C", description = "random: columns (default: --n).")
    void setCols(int value) {
        if (value < 1) {
            throw new ParameterException(spec.commandLine(), "--cols must be ≥ 1, got " + value);
        }
        cols = value;
    }

    /** {@code --density D} in (0, 1] (random only, required there). */
    @Option(names = "--density", paramLabel = "D",
            description = "random: probability that an entry is present, in (0, 1]; nnz ≈ D·rows·cols.")
    void setDensity(double value) {
        if (!(value > 0.0 && value <= 1.0)) {
            throw new ParameterException(spec.commandLine(), "--density must be in (0, 1], got " + value);
        }
        density = value;
    }

    /** {@code --edge-factor E}, ≥ 1 (rmat only). */
    @Option(names = "--edge-factor", paramLabel = "E",
            description = "rmat: generated edges per vertex (default: " + DEFAULT_EDGE_FACTOR + ").")
    void setEdgeFactor(int value) {
        if (value < 1) {
            throw new ParameterException(spec.commandLine(), "--edge-factor must be ≥ 1, got " + value);
        }
        edgeFactor = value;
    }

    /** {@code --seed S} (random and rmat). */
    @Option(names = "--seed", paramLabel = "S", description = "random, rmat: the seed (default: " + DEFAULT_SEED + ").")
    void setSeed(long value) {
        seed = value;
    }

    @Override
    public Integer call() throws IOException {
        checkOptions();
        Outputs.check(spec, common.json, new Outputs.Output("-o", output, Outputs.Kind.MATRIX));
        long usedSeed = seed != null ? seed : DEFAULT_SEED;
        int ef = edgeFactor != null ? edgeFactor : DEFAULT_EDGE_FACTOR;
        CsrMatrix m;
        String call;
        switch (kind) {
            case POISSON2D -> {
                m = Generators.poisson2d(n);
                call = "Generators.poisson2d(" + n + ")";
            }
            case POISSON3D -> {
                m = Generators.poisson3d(n);
                call = "Generators.poisson3d(" + n + ")";
            }
            case RANDOM -> {
                int c = cols != null ? cols : n;
                m = Generators.random(n, c, density, usedSeed);
                call = "Generators.random(" + n + ", " + c + ", " + density + ", " + usedSeed + ")";
            }
            case RMAT -> {
                m = Generators.rmat(n, ef, usedSeed);
                call = "Generators.rmat(" + n + ", " + ef + ", " + usedSeed + ")";
            }
            default -> throw new IllegalStateException("unknown kind " + kind);
        }
        boolean poisson = kind == Kind.POISSON2D || kind == Kind.POISSON3D;
        MatrixMarketWriteOptions options = MatrixMarketWriteOptions.defaults()
                .withSymmetric(poisson)
                .withComment("generated by " + call + ", Sparrow " + SparrowCli.Version.sparrowVersion());
        Outputs.matrix(spec, output, m, options);

        Report r = new Report()
                .json("kind", kind.word())
                .json("rows", m.rows())
                .json("cols", m.cols())
                .json("nnz", m.nnz())
                .json("output", Outputs.name(output))
                .json("seed", poisson ? null : usedSeed)
                .line("wrote " + Outputs.name(output), kind.word() + " " + m.rows() + "x" + m.cols() + ", " + m.nnz() + " nonzeros"
                        + (poisson ? " (symmetric storage)" : ", seed " + usedSeed));
        // the text is a status line (stderr); the JSON object is the command's result (stdout)
        r.print(common.json ? spec.commandLine().getOut() : spec.commandLine().getErr(), common.json);
        return SparrowCli.EXIT_OK;
    }

    /** Refuses options the kind does not take, and a missing density or out-of-range scale. */
    private void checkOptions() {
        List<String> foreign = new ArrayList<>();
        if (cols != null && kind != Kind.RANDOM) {
            foreign.add("--cols");
        }
        if (density != null && kind != Kind.RANDOM) {
            foreign.add("--density");
        }
        if (edgeFactor != null && kind != Kind.RMAT) {
            foreign.add("--edge-factor");
        }
        if (seed != null && kind != Kind.RANDOM && kind != Kind.RMAT) {
            foreign.add("--seed");
        }
        if (!foreign.isEmpty()) {
            throw new ParameterException(spec.commandLine(), kind.word() + " does not take " + String.join(", ", foreign)
                    + (kind == Kind.POISSON2D || kind == Kind.POISSON3D ? " (it is deterministic: only --n)" : ""));
        }
        if (kind == Kind.RANDOM && density == null) {
            throw new ParameterException(spec.commandLine(), "random needs --density D, with D in (0, 1]");
        }
        if (kind == Kind.RMAT && n > Generators.RMAT_MAX_SCALE) {
            throw new ParameterException(spec.commandLine(), "rmat takes --n as the scale (2^N vertices), in [1, "
                    + Generators.RMAT_MAX_SCALE + "], got " + n);
        }
    }

    /** A kind by name, case-insensitive. */
    static final class KindConverter implements ITypeConverter<Kind> {
        @Override
        public Kind convert(String value) {
            for (Kind k : Kind.values()) {
                if (k.word().equals(value.toLowerCase(Locale.ROOT))) {
                    return k;
                }
            }
            throw new TypeConversionException("expected poisson2d, poisson3d, random or rmat, got '" + value + "'");
        }
    }
}
