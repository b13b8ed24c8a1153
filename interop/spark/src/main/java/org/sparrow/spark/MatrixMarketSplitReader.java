package org.sparrow.spark;

import java.io.EOFException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serial;
import java.io.Serializable;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.storage.StorageLevel;
import org.sparrow.core.CooMatrix;
import org.sparrow.core.io.MatrixMarket;
import org.sparrow.core.io.MatrixMarketException;
import org.sparrow.core.io.MatrixMarketHeader;
import org.sparrow.core.io.MatrixMarketHeader.Field;
import org.sparrow.core.io.MatrixMarketHeader.Format;
import org.sparrow.core.io.MatrixMarketHeader.Symmetry;
import org.sparrow.core.io.MatrixMarketPieces;
import org.sparrow.core.io.MatrixMarketPieces.Piece;

/**
 * {@link DistributedCsrMatrix#read}: a Matrix Market file read in parallel by byte ranges through
 * Hadoop's file system API.
 *
 * <ol>
 *   <li>The driver reads the header ({@link MatrixMarketPieces#start}) and cuts the entry section
 *       into equal byte ranges, one per partition.</li>
 *   <li>Each task reads the lines that start in its range ({@link SplitStream}) and parses them with
 *       Sparrow's own parser ({@link MatrixMarketPieces#parse}). A malformed line is returned as
 *       data (its problem and its line counted within the range), not thrown, so a bad file is not
 *       parsed four times by Spark's retries.</li>
 *   <li>The driver adds the ranges' line counts in order to name the first bad line of the file,
 *       and checks the entries against the size line.</li>
 *   <li>{@link RowAssembly} shuffles the triplets (and a symmetric file's mirrored entries) to the
 *       partitions owning their rows.</li>
 * </ol>
 * Gzip data cannot be cut at byte offsets (a deflate stream has to be decoded from its start), so a
 * compressed file is read whole by one task, with Sparrow's local reader; only the assembly is
 * parallel.
 */
final class MatrixMarketSplitReader {

    private MatrixMarketSplitReader() {
    }

    /** What every task needs: where the file is, how to reach it, and its header. Plain and serializable. */
    static final class Plan implements Serializable {
        @Serial
        private static final long serialVersionUID = 1L;

        final String uri;
        final String name;
        final HashMap<String, String> conf;
        final Format format;
        final Field field;
        final Symmetry symmetry;
        final int rows;
        final int cols;
        final long entries;
        final long sizeLine;
        final long dataOffset;
        final long[] bounds;

        Plan(String uri, String name, Configuration conf, MatrixMarketPieces.Start start, long[] bounds) {
            this.uri = uri;
            this.name = name;
            this.conf = new HashMap<>();
            for (Map.Entry<String, String> e : conf) {
                this.conf.put(e.getKey(), e.getValue());
            }
            MatrixMarketHeader h = start.header();
            this.format = h.format();
            this.field = h.field();
            this.symmetry = h.symmetry();
            this.rows = h.rows();
            this.cols = h.cols();
            this.entries = h.entries();
            this.sizeLine = start.sizeLine();
            this.dataOffset = start.dataOffset();
            this.bounds = bounds;
        }

        MatrixMarketHeader header() {
            return new MatrixMarketHeader(format, field, symmetry, rows, cols, entries);
        }

        Configuration configuration() {
            Configuration c = new Configuration(false);
            conf.forEach(c::set);
            return c;
        }

        int splits() {
            return bounds.length - 1;
        }
    }

    /** One range's outcome: its entries, or the problem of its first bad line. */
    static final class SplitResult implements Serializable {
        @Serial
        private static final long serialVersionUID = 1L;

        final int index;
        final int count;
        final int[] rows;
        final int[] cols;
        final double[] values;
        final long lines;
        final boolean endsWithNewline;
        final long bytes;
        /** The problem, or null. */
        final String problem;
        /** The bad line counted from the range's first line (1-based), or 0 when no line applies. */
        final long problemLine;

        SplitResult(int index, Piece piece, long bytes) {
            this.index = index;
            this.count = piece.count();
            this.rows = piece.rows();
            this.cols = piece.cols();
            this.values = piece.values();
            this.lines = piece.lines();
            this.endsWithNewline = piece.endsWithNewline();
            this.bytes = bytes;
            this.problem = null;
            this.problemLine = 0;
        }

        SplitResult(int index, String problem, long problemLine) {
            this.index = index;
            this.count = 0;
            this.rows = null;
            this.cols = null;
            this.values = null;
            this.lines = 0;
            this.endsWithNewline = false;
            this.bytes = 0;
            this.problem = problem;
            this.problemLine = problemLine;
        }

        /** The same without the entries, for the driver. */
        SplitResult summary() {
            SplitResult s = new SplitResult(index, problem, problemLine);
            return problem != null ? s : new SplitResult(index, new Piece(count, null, null, null, lines, endsWithNewline),
                    bytes);
        }
    }

    static DistributedCsrMatrix read(JavaSparkContext sc, String pathOrUri, int partitions) throws IOException {
        DistributedCsrMatrix.checkContext(sc);
        DistributedCsrMatrix.checkPartitions(partitions);
        if (pathOrUri == null || pathOrUri.isBlank()) {
            throw new IllegalArgumentException("the path of the Matrix Market file is empty");
        }
        Configuration conf = sc.hadoopConfiguration();
        Path path;
        FileSystem fs;
        FileStatus status;
        try {
            path = new Path(pathOrUri);
            fs = path.getFileSystem(conf);
            status = fs.getFileStatus(path);
        } catch (FileNotFoundException e) {
            throw new MatrixMarketException(pathOrUri, 0, "no such file");
        } catch (IllegalArgumentException | IOException e) {
            throw new MatrixMarketException(pathOrUri, 0, "cannot open: " + e.getMessage(), e);
        }
        if (status.isDirectory()) {
            throw new MatrixMarketException(pathOrUri, 0, "is a folder, not a Matrix Market file");
        }
        boolean gzip = pathOrUri.toLowerCase(Locale.ROOT).endsWith(".gz");
        MatrixMarketPieces.Start start;
        try (FSDataInputStream in = fs.open(path)) {
            byte[] magic = new byte[2];
            int n = in.read(magic, 0, 2);
            gzip |= n == 2 && (magic[0] & 0xff) == 0x1f && (magic[1] & 0xff) == 0x8b;
            if (gzip) {
                start = null;
            } else {
                in.seek(0);
                start = MatrixMarketPieces.start(in, pathOrUri);
            }
        }
        if (gzip) {
            return readWhole(sc, pathOrUri, conf, partitions);
        }
        MatrixMarketHeader h = start.header();
        if (h.field() == Field.COMPLEX) {
            throw new MatrixMarketException(pathOrUri, 1, "complex matrices are not supported (only their structure can"
                    + " be read, with the local reader's readPattern)");
        }
        long data = status.getLen() - start.dataOffset();
        long[] bounds = new long[partitions + 1];
        for (int p = 0; p <= partitions; p++) {
            bounds[p] = start.dataOffset() + data * p / partitions;
        }
        Plan plan = new Plan(pathOrUri, pathOrUri, conf, start, bounds);
        return assemble(sc, plan, partitions);
    }

    /** Steps 2–4 of the class comment for a planned file (tests plan a file and then take it away). */
    static DistributedCsrMatrix assemble(JavaSparkContext sc, Plan plan, int partitions) throws IOException {
        List<Integer> ids = new ArrayList<>();
        for (int i = 0; i < plan.splits(); i++) {
            ids.add(i);
        }
        JavaRDD<SplitResult> parsed = sc.parallelize(ids, plan.splits()).map(i -> parseSplit(plan, i));
        parsed.persist(StorageLevel.MEMORY_AND_DISK());
        try {
            List<SplitResult> summary = parsed.map(SplitResult::summary).collect();
            long[] firstEntry = check(sc, plan, summary);
            JavaRDD<CooPiece> pieces = parsed.map(r -> toPiece(plan, r, firstEntry[r.index]));
            RowAssembly.Mirror mirror = switch (plan.symmetry) {
                case GENERAL -> RowAssembly.Mirror.NONE;
                case SYMMETRIC, HERMITIAN -> RowAssembly.Mirror.SYMMETRIC;
                case SKEW_SYMMETRIC -> RowAssembly.Mirror.SKEW;
            };
            return RowAssembly.assemble(pieces, plan.rows, plan.cols, mirror, partitions);
        } finally {
            parsed.unpersist(false);
        }
    }

    /** Runs on an executor: the lines starting in range {@code i}, parsed. */
    static SplitResult parseSplit(Plan plan, int i) {
        long from = plan.bounds[i];
        long to = plan.bounds[i + 1];
        Path path = new Path(plan.uri);
        FSDataInputStream raw;
        try {
            raw = path.getFileSystem(plan.configuration()).open(path);
        } catch (FileNotFoundException e) {
            return new SplitResult(i, missingOnWorker("bytes " + (from + 1) + ".." + to), 0);
        } catch (IOException e) {
            return new SplitResult(i, "cannot open on the worker " + host() + ": " + e.getMessage(), 0);
        }
        try (SplitStream in = new SplitStream(raw, from, to, plan.dataOffset)) {
            Piece piece = MatrixMarketPieces.parse(in, plan.name, plan.header(), 1);
            return new SplitResult(i, piece, in.delivered());
        } catch (MatrixMarketException e) {
            return new SplitResult(i, e.problem(), e.line());
        } catch (IOException e) {
            return new SplitResult(i, "cannot read bytes " + (from + 1) + ".." + to + " on the worker " + host() + ": "
                    + e.getMessage(), 0);
        }
    }

    /** The one sentence for a file the driver saw but a worker cannot. */
    static String missingOnWorker(String what) {
        return "the file is missing on the worker " + host() + " that reads " + what + ": every worker must reach the"
                + " path (put the file on a shared file system such as hdfs:// or s3a://, or copy it to the same path on"
                + " every node)";
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "(unknown host)";
        }
    }

    /**
     * The driver's checks, in file order: the first range with a problem names its line, counted
     * from the top by adding the earlier ranges' lines; then the entries against the size line.
     *
     * @return each range's first entry, 0-based, in the file's entry order
     */
    private static long[] check(JavaSparkContext sc, Plan plan, List<SplitResult> summary) throws IOException {
        SplitResult[] byIndex = new SplitResult[plan.splits()];
        for (SplitResult r : summary) {
            byIndex[r.index] = r;
        }
        long line = plan.sizeLine + 1; // the first line of the current range
        long[] firstEntry = new long[plan.splits()];
        long total = 0;
        boolean endsWithNewline = true;
        String what = plan.format == Format.COORDINATE ? "entries" : "values";
        for (SplitResult r : byIndex) {
            if (r.problem != null) {
                throw new MatrixMarketException(plan.name, r.problemLine > 0 ? line + r.problemLine - 1 : 0, r.problem);
            }
            firstEntry[r.index] = total;
            if (total + r.count > plan.entries) {
                long at = sc.parallelize(List.of(r.index), 1)
                        .map(i -> lineOfEntry(plan, i, plan.entries - firstEntry[i])).collect().get(0);
                throw new MatrixMarketException(plan.name, at > 0 ? line + at - 1 : 0, "more " + what + " than the "
                        + plan.entries + " declared in the size line");
            }
            total += r.count;
            line += r.lines;
            if (r.bytes > 0) {
                endsWithNewline = r.endsWithNewline;
            }
        }
        if (total < plan.entries) {
            throw new MatrixMarketException(plan.name, endsWithNewline ? line : line + 1, "the file ends after " + total
                    + " of " + plan.entries + " declared " + what);
        }
        return firstEntry;
    }

    /** Runs on an executor: the line (counted from range {@code i}'s first line) of its {@code k}-th entry. */
    private static long lineOfEntry(Plan plan, int i, long k) throws IOException {
        Path path = new Path(plan.uri);
        try (SplitStream in = new SplitStream(path.getFileSystem(plan.configuration()).open(path), plan.bounds[i],
                plan.bounds[i + 1], plan.dataOffset)) {
            return MatrixMarketPieces.lineOfEntry(in, plan.name, plan.header(), 1, k);
        }
    }

    /** A range's entries as triplets: coordinate files as read; array files placed column by column. */
    private static CooPiece toPiece(Plan plan, SplitResult r, long firstEntry) {
        if (plan.format == Format.COORDINATE) {
            return new CooPiece(r.index, r.count, r.rows, r.cols, r.values);
        }
        // Column-major over the stored part: all rows (general), i ≥ j (symmetric), i > j (skew).
        int skip = switch (plan.symmetry) {
            case GENERAL -> -1;
            case SYMMETRIC, HERMITIAN -> 0;
            case SKEW_SYMMETRIC -> 1;
        };
        int[] ri = new int[r.count];
        int[] ci = new int[r.count];
        long before = firstEntry;
        int j = 0;
        while (j < plan.cols && before >= columnLength(plan.rows, j, skip)) {
            before -= columnLength(plan.rows, j, skip);
            j++;
        }
        int i = (int) (skip < 0 ? before : j + skip + before);
        for (int k = 0; k < r.count; k++) {
            if (i >= plan.rows) {
                j++;
                i = skip < 0 ? 0 : j + skip;
            }
            ri[k] = i++;
            ci[k] = j;
        }
        return new CooPiece(r.index, r.count, ri, ci, r.values);
    }

    private static long columnLength(int rows, int j, int skip) {
        return skip < 0 ? rows : Math.max(0, rows - j - skip);
    }

    /** A gzip file: one task reads it whole with Sparrow's local reader; the rows are then spread. */
    private static DistributedCsrMatrix readWhole(JavaSparkContext sc, String uri, Configuration conf, int partitions)
            throws IOException {
        HashMap<String, String> confMap = new HashMap<>();
        for (Map.Entry<String, String> e : conf) {
            confMap.put(e.getKey(), e.getValue());
        }
        MatrixMarketHeader h;
        Path path = new Path(uri);
        try (InputStream in = new GZIPInputStream(path.getFileSystem(conf).open(path))) {
            h = MatrixMarketPieces.start(in, uri).header(); // only the first block is inflated
        } catch (ZipException | EOFException e) {
            throw new MatrixMarketException(uri, 1, "the gzip data is corrupt or truncated in its header (" + e.getMessage()
                    + ")", e);
        }
        JavaRDD<Serializable> whole = sc.parallelize(List.of(0), 1).map(x -> readWholeTask(uri, confMap));
        whole.persist(StorageLevel.MEMORY_AND_DISK());
        try {
            Serializable outcome = whole.map(o -> o instanceof SplitResult r ? r : (Serializable) Boolean.TRUE)
                    .collect().get(0);
            if (outcome instanceof SplitResult r) {
                throw new MatrixMarketException(uri, r.problemLine, r.problem);
            }
            return RowAssembly.assemble(whole.map(o -> (CooPiece) o), h.rows(), h.cols(), RowAssembly.Mirror.NONE,
                    partitions);
        } finally {
            whole.unpersist(false);
        }
    }

    /** Runs on an executor: the whole gzip file through the local reader (symmetric storage expanded there). */
    private static Serializable readWholeTask(String uri, Map<String, String> confMap) throws IOException {
        Configuration c = new Configuration(false);
        confMap.forEach(c::set);
        Path path = new Path(uri);
        FSDataInputStream raw;
        try {
            raw = path.getFileSystem(c).open(path);
        } catch (FileNotFoundException e) {
            return new SplitResult(0, missingOnWorker("it"), 0);
        }
        try (InputStream in = raw) {
            CooMatrix m = MatrixMarket.read(in, uri).matrix();
            return new CooPiece(0, m.nnz(), m.rowIndices(), m.columnIndices(), m.values());
        } catch (MatrixMarketException e) {
            return new SplitResult(0, e.problem(), e.line());
        }
    }
}
