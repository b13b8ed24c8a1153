package org.sparrow.core.backend;

import java.io.IOException;
import java.io.InputStream;
import java.lang.foreign.Arena;
import java.lang.foreign.SymbolLookup;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds the CUDA shared libraries ({@code libcudart}, {@code libcusparse}, {@code libnvJitLink}) on
 * Linux, in this order of folders:
 * <ol>
 *   <li>{@code SPARROW_CUDA_LIBS}: folders (or library files, meaning their folder) separated by
 *       {@code :} — the override;</li>
 *   <li>{@code CUDA_HOME}, then {@code CUDA_PATH}: their {@code lib64}, {@code lib} and
 *       {@code targets/<arch>-linux/lib};</li>
 *   <li>the standard install folders: {@code /usr/local/cuda}, then {@code /usr/local/cuda-X.Y}
 *       newest first, and {@code /opt/cuda};</li>
 *   <li>the loader's paths: {@code LD_LIBRARY_PATH}, the folders of {@code /etc/ld.so.conf} (with its
 *       includes) and the default library folders;</li>
 *   <li>the {@code nvidia/*}{@code /lib} folders of installed Python wheels (where pip's
 *       {@code nvidia-cusparse-cu12}, {@code nvidia-cuda-runtime-cu12} and friends put CUDA on many GPU
 *       machines): under {@code VIRTUAL_ENV}, {@code CONDA_PREFIX}, {@code PYTHONPATH},
 *       {@code ~/.local} and the system's {@code site-packages}/{@code dist-packages}.</li>
 * </ol>
 * Folders that do not exist are dropped, and a folder reached twice (a symbolic link such as
 * {@code /usr/local/cuda}) is searched once. Within a folder, {@code libX.so.N} files come newest
 * major version first and the bare {@code libX.so} development link last; a file reached under
 * several names is one candidate.
 *
 * <p>Finding only lists paths; {@link #load(Path)} opens one. Fixed folders are resolved under a
 * root ({@code /} in production) so that tests can build fake trees; paths from the environment are
 * taken as they are.
 */
final class CudaLibraryFinder {

    /** The environment variable that names the folders to search first. */
    static final String LIBS_ENV = "SPARROW_CUDA_LIBS";

    /** The CUDA runtime's base name. */
    static final String CUDART = "libcudart";
    /** cuSPARSE's base name. */
    static final String CUSPARSE = "libcusparse";
    /** nvJitLink's base name (cuSPARSE 12 needs it; loading it first lets the loader resolve it). */
    static final String NVJITLINK = "libnvJitLink";

    /** A folder to search and why it is searched (for messages). */
    record SearchDir(Path dir, String origin) {
        @Override
        public String toString() {
            return dir + " (" + origin + ")";
        }
    }

    /** Why a library file could not be used; the message is one sentence naming the file. */
    static final class LoadFailure extends Exception {
        private static final long serialVersionUID = 1L;

        LoadFailure(String message) {
            super(message);
        }
    }

    private final List<SearchDir> dirs;

    CudaLibraryFinder(List<SearchDir> dirs) {
        this.dirs = List.copyOf(dirs);
    }

    /** The search of this process: its environment, the real file system, this machine's architecture. */
    static CudaLibraryFinder system() {
        return of(System.getenv(), Path.of("/"), System.getProperty("os.arch", ""));
    }

    /**
     * The search for a given environment, with the fixed folders under {@code root}.
     *
     * @param env  environment variables ({@code SPARROW_CUDA_LIBS}, {@code CUDA_HOME}, {@code LD_LIBRARY_PATH}, …)
     * @param root where {@code /usr/local/cuda}, {@code /etc/ld.so.conf}, … are looked up
     * @param arch the {@code os.arch} value, for the multiarch folder names
     */
    static CudaLibraryFinder of(Map<String, String> env, Path root, String arch) {
        Builder b = new Builder();
        boolean arm = arch.equals("aarch64") || arch.equals("arm64");
        String triple = arm ? "aarch64-linux-gnu" : "x86_64-linux-gnu";
        List<String> targets = arm ? List.of("targets/sbsa-linux/lib", "targets/aarch64-linux/lib")
                : List.of("targets/x86_64-linux/lib");

        for (String entry : pathList(env.get(LIBS_ENV))) {
            Path p = path(entry);
            if (p != null) {
                b.add(Files.isRegularFile(p) && p.getParent() != null ? p.getParent() : p, LIBS_ENV);
            }
        }
        for (String var : List.of("CUDA_HOME", "CUDA_PATH")) {
            Path home = path(env.get(var));
            if (home != null) {
                b.addToolkit(home, targets, var);
            }
        }
        b.addToolkit(root.resolve("usr/local/cuda"), targets, "standard");
        for (Path versioned : versionedToolkits(root.resolve("usr/local"))) {
            b.addToolkit(versioned, targets, "standard");
        }
        b.addToolkit(root.resolve("opt/cuda"), targets, "standard");

        for (String entry : pathList(env.get("LD_LIBRARY_PATH"))) {
            Path p = path(entry);
            if (p != null) {
                b.add(p, "LD_LIBRARY_PATH");
            }
        }
        for (Path p : ldSoConf(root, root.resolve("etc/ld.so.conf"), 0)) {
            b.add(p, "ld.so.conf");
        }
        for (String d : List.of("lib/" + triple, "usr/lib/" + triple, "lib64", "usr/lib64", "lib", "usr/lib")) {
            b.add(root.resolve(d), "loader default");
        }

        for (Path site : sitePackages(env, root)) {
            Path nvidia = site.resolve("nvidia");
            for (Path pkg : sortedChildren(nvidia)) {
                b.add(pkg.resolve("lib"), "python wheel");
            }
        }
        return new CudaLibraryFinder(b.dirs);
    }

    /** The folders searched, in order (existing ones only, each once). */
    List<SearchDir> dirs() {
        return dirs;
    }

    /**
     * Every file for library {@code base} ({@code libcudart}, …), best first: folders in search order;
     * within a folder, newest major version first, the shortest name of a version first (the soname),
     * the bare {@code .so} link last; one entry per real file.
     */
    List<Path> find(String base) {
        Pattern pattern = Pattern.compile(Pattern.quote(base) + "\\.so((?:\\.\\d+)*)");
        List<Path> found = new ArrayList<>();
        Set<Path> seen = new HashSet<>();
        for (SearchDir d : dirs) {
            List<Path> inDir = new ArrayList<>();
            try (Stream<Path> files = Files.list(d.dir())) {
                files.filter(f -> pattern.matcher(f.getFileName().toString()).matches() && Files.isRegularFile(f))
                        .forEach(inDir::add);
            } catch (IOException | SecurityException e) {
                continue; // an unreadable folder is skipped like a missing one
            }
            inDir.sort(Comparator.comparing(f -> versionKey(pattern, f)));
            for (Path f : inDir) {
                if (seen.add(realPath(f))) {
                    found.add(f);
                }
            }
        }
        return found;
    }

    /** The searched folders for a message: {@code "/a (CUDA_HOME), /b (standard)"}, or a note that there are none. */
    String describe() {
        if (dirs.isEmpty()) {
            return "no existing folder (" + LIBS_ENV + ", CUDA_HOME, /usr/local/cuda*, the loader's paths and Python"
                    + " wheels' nvidia/*/lib were all absent)";
        }
        StringBuilder sb = new StringBuilder();
        for (SearchDir d : dirs) {
            if (!sb.isEmpty()) {
                sb.append(", ");
            }
            sb.append(d);
        }
        return sb.toString();
    }

    /**
     * Opens a shared library for the life of the JVM. A file that is not ELF (a fake, a text file) is
     * refused before the loader sees it, so that it fails with a clean reason and no JVM warning.
     *
     * @throws LoadFailure "could not load FILE: why"
     */
    static SymbolLookup load(Path file) throws LoadFailure {
        byte[] head = new byte[4];
        try (InputStream in = Files.newInputStream(file)) {
            if (in.readNBytes(head, 0, 4) != 4 || head[0] != 0x7f || head[1] != 'E' || head[2] != 'L' || head[3] != 'F') {
                throw new LoadFailure("could not load " + file + ": not an ELF shared library");
            }
        } catch (IOException e) {
            throw new LoadFailure("could not load " + file + ": " + e.getMessage());
        }
        try {
            // Arena.global(): loaded once per process and never unloaded, so bound handles stay valid.
            return SymbolLookup.libraryLookup(file, Arena.global());
        } catch (IllegalArgumentException | IllegalCallerException e) {
            throw new LoadFailure("could not load " + file + ": " + e.getMessage()
                    + " (a missing dependency or another architecture? check with ldd)");
        }
    }

    /** Sort key within a folder: versioned before bare, higher major first, then fewer version parts. */
    private static String versionKey(Pattern pattern, Path f) {
        Matcher m = pattern.matcher(f.getFileName().toString());
        m.matches();
        String v = m.group(1);
        if (v.isEmpty()) {
            return "1"; // the bare .so link after every versioned name
        }
        String[] parts = v.substring(1).split("\\.");
        long major = parseOr(parts[0], 0);
        // "0" + (inverted major, fixed width) + parts count: ascending order = newest major, then shortest name
        return "0" + String.format(Locale.ROOT, "%010d", 999_999_999L - Math.min(major, 999_999_999L))
                + String.format(Locale.ROOT, "%03d", parts.length) + f.getFileName();
    }

    private static long parseOr(String s, long fallback) {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static Path realPath(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException | SecurityException e) {
            return p.toAbsolutePath().normalize();
        }
    }

    private static List<String> pathList(String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        return Arrays.stream(value.split(":")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static Path path(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return Path.of(s.strip());
        } catch (InvalidPathException e) {
            return null;
        }
    }

    /** {@code cuda-X.Y} folders under {@code dir}, newest version first. */
    private static List<Path> versionedToolkits(Path dir) {
        Pattern p = Pattern.compile("cuda-(\\d+)(?:\\.(\\d+))?");
        List<Path> out = new ArrayList<>();
        for (Path c : sortedChildren(dir)) {
            if (p.matcher(c.getFileName().toString()).matches()) {
                out.add(c);
            }
        }
        out.sort(Comparator.comparingLong((Path c) -> {
            Matcher m = p.matcher(c.getFileName().toString());
            m.matches();
            return parseOr(m.group(1), 0) * 10_000 + (m.group(2) == null ? 0 : parseOr(m.group(2), 0));
        }).reversed());
        return out;
    }

    /** The folders that {@code conf} lists, following {@code include} lines (globs) a few levels deep. */
    private static List<Path> ldSoConf(Path root, Path conf, int depth) {
        List<Path> out = new ArrayList<>();
        if (depth > 4 || !Files.isRegularFile(conf)) {
            return out;
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(conf);
        } catch (IOException | SecurityException e) {
            return out;
        }
        for (String raw : lines) {
            int hash = raw.indexOf('#');
            String line = (hash >= 0 ? raw.substring(0, hash) : raw).strip();
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("include ") || line.startsWith("include\t")) {
                String pattern = line.substring("include".length()).strip();
                Path pat = pattern.startsWith("/") ? root.resolve(pattern.substring(1)) : conf.getParent().resolve(pattern);
                Path parent = pat.getParent();
                if (parent == null) {
                    continue;
                }
                PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + pat.getFileName());
                for (Path f : sortedChildren(parent)) {
                    if (matcher.matches(f.getFileName())) {
                        out.addAll(ldSoConf(root, f, depth + 1));
                    }
                }
            } else if (line.startsWith("/")) {
                out.add(root.resolve(line.substring(1)));
            }
        }
        return out;
    }

    /** The site-packages folders where pip may have put NVIDIA's wheels. */
    private static List<Path> sitePackages(Map<String, String> env, Path root) {
        List<Path> sites = new ArrayList<>();
        for (String var : List.of("VIRTUAL_ENV", "CONDA_PREFIX")) {
            Path prefix = path(env.get(var));
            if (prefix != null) {
                sites.addAll(pythonSites(prefix.resolve("lib")));
            }
        }
        for (String entry : pathList(env.get("PYTHONPATH"))) {
            Path p = path(entry);
            if (p != null) {
                sites.add(p);
            }
        }
        Path home = path(env.get("HOME"));
        if (home != null) {
            sites.addAll(pythonSites(home.resolve(".local/lib")));
        }
        sites.addAll(pythonSites(root.resolve("usr/local/lib")));
        sites.addAll(pythonSites(root.resolve("usr/lib")));
        sites.addAll(pythonSites(root.resolve("opt/conda/lib")));
        return sites;
    }

    /** {@code lib/python3*}{@code /site-packages} and {@code dist-packages}, newest Python first, plus {@code python3/dist-packages}. */
    private static List<Path> pythonSites(Path lib) {
        List<Path> out = new ArrayList<>();
        List<Path> pythons = new ArrayList<>();
        for (Path c : sortedChildren(lib)) {
            if (c.getFileName().toString().startsWith("python3")) {
                pythons.add(c);
            }
        }
        pythons.sort(Comparator.comparingLong((Path c) -> {
            String minor = c.getFileName().toString().substring("python3".length()).replaceFirst("^\\.", "");
            return parseOr(minor.isEmpty() ? "0" : minor, 0);
        }).reversed());
        for (Path py : pythons) {
            out.add(py.resolve("site-packages"));
            out.add(py.resolve("dist-packages"));
        }
        return out;
    }

    /** The entries of {@code dir} sorted by name, or none when it cannot be read. */
    private static List<Path> sortedChildren(Path dir) {
        List<Path> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            for (Path p : ds) {
                out.add(p);
            }
        } catch (IOException | SecurityException e) {
            return out;
        }
        out.sort(Comparator.comparing(p -> p.getFileName().toString()));
        return out;
    }

    /** Collects existing folders, each real folder once, in the order added. */
    private static final class Builder {
        final List<SearchDir> dirs = new ArrayList<>();
        final Set<Path> seen = new HashSet<>();

        void add(Path dir, String origin) {
            if (Files.isDirectory(dir) && seen.add(realPath(dir))) {
                dirs.add(new SearchDir(dir, origin));
            }
        }

        void addToolkit(Path home, List<String> targets, String origin) {
            add(home.resolve("lib64"), origin);
            add(home.resolve("lib"), origin);
            for (String t : targets) {
                add(home.resolve(t), origin);
            }
        }
    }
}
