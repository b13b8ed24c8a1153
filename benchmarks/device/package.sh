#!/usr/bin/env bash
# package.sh: packs what the GPU machine needs to verify the CUDA backend into one folder small
# enough to carry (< 64 MiB): a jlinked JDK 25 runtime, the shaded CLI jar, the benchmarks jar, the
# backend tests with JUnit and a launcher, the shared test matrices, and three scripts in bin/.
#
# Usage: benchmarks/device/package.sh [OUT_DIR]     (default: benchmarks/device/target/pkg, git-ignored)
# Environment: JAVA_HOME (a JDK 25; else /usr/lib/jvm/*), MVN_ARGS (default: -o, offline),
#              SPARROW_DATA (default: ../shared/data/matrices next to the repository),
#              SKIP_BUILD=1 to reuse the jars already in the target folders.
# See README.md next to this script for what to run on the device machine.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)"
ROOT="$(cd "$HERE/../.." && pwd -P)"
OUT="${1:-$HERE/target/pkg}"
MVN_ARGS="${MVN_ARGS:--o}"
DATA="${SPARROW_DATA:-$ROOT/../shared/data/matrices}"
LIMIT_BYTES=$((64 * 1024 * 1024))

die() { echo "package.sh: $*" >&2; exit 1; }

# A JDK 25 with jlink, jdeps and javac (the runtime we make must match the JDK that makes it).
find_jdk() {
    local c
    for c in "${JAVA_HOME:-}" /usr/lib/jvm/*; do
        [[ -n "$c" && -x "$c/bin/jlink" && -x "$c/bin/javac" ]] || continue
        if "$c/bin/java" -version 2>&1 | grep -q 'version "25'; then
            printf '%s' "$c"
            return 0
        fi
    done
    return 1
}
JDK="$(find_jdk)" || die "needs a JDK 25 with jlink (set JAVA_HOME); looked in JAVA_HOME and /usr/lib/jvm/*"

CLI_JAR="$ROOT/interop/cli/target/sparrow.jar"
BENCH_JAR="$(ls "$ROOT"/benchmarks/target/sparrow-benchmarks-*.jar 2>/dev/null | grep -v -e sources -e javadoc | head -n 1 || true)"
TEST_CLASSES="$ROOT/core/target/test-classes"

if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
    echo "package.sh: building the jars and the core test classes (mvn $MVN_ARGS -DskipTests package)..." >&2
    # -DskipTests still compiles the tests; nothing is installed into ~/.m2. The CLI is named because the
    # benchmarks do not depend on it.
    (cd "$ROOT" && mvn -q -B $MVN_ARGS -DskipTests package -pl benchmarks,interop/cli -am)
    BENCH_JAR="$(ls "$ROOT"/benchmarks/target/sparrow-benchmarks-*.jar | grep -v -e sources -e javadoc | head -n 1)"
fi
[[ -f "$CLI_JAR" ]] || die "missing $CLI_JAR (run without SKIP_BUILD=1)"
[[ -n "$BENCH_JAR" && -f "$BENCH_JAR" ]] || die "missing benchmarks/target/sparrow-benchmarks-*.jar"
[[ -d "$TEST_CLASSES/org/sparrow/core/backend" ]] || die "missing $TEST_CLASSES/org/sparrow/core/backend"

rm -rf "$OUT"
mkdir -p "$OUT/lib" "$OUT/test/classes/org/sparrow/core" "$OUT/test/lib" "$OUT/test/launcher" "$OUT/bin" "$OUT/data/matrices"

# Jars: the shaded CLI (core and everything the CLI needs) and the benchmarks module's own classes
# (the backend benchmark needs nothing else; the 27 MB shaded benchmarks.jar would not fit).
cp "$CLI_JAR" "$OUT/lib/sparrow.jar"
cp "$BENCH_JAR" "$OUT/lib/sparrow-benchmarks.jar"

# The backend tests (the gpu-tagged class and the others of the package) and JUnit to run them.
cp -r "$TEST_CLASSES/org/sparrow/core/backend" "$OUT/test/classes/org/sparrow/core/"
# JUnit's jars come from the test-support module: the same JUnit as core's tests, and no Sparrow module to
# resolve (core's own test scope names sparrow-testing, which is not installed).
(cd "$ROOT" && mvn -q -B $MVN_ARGS dependency:copy-dependencies -pl testing -DincludeScope=test \
    -DincludeGroupIds=org.junit.jupiter,org.junit.platform,org.opentest4j,org.apiguardian \
    -DexcludeArtifactIds=junit-jupiter,junit-jupiter-params -DoutputDirectory="$OUT/test/lib")
PLATFORM_VERSION="$(ls "$OUT/test/lib" | sed -n 's/^junit-platform-engine-\(.*\)\.jar$/\1/p')"
[[ -n "$PLATFORM_VERSION" ]] || die "junit-platform-engine was not copied"
(cd "$ROOT" && mvn -q -B $MVN_ARGS dependency:copy \
    -Dartifact="org.junit.platform:junit-platform-launcher:$PLATFORM_VERSION" -DoutputDirectory="$OUT/test/lib")
"$JDK/bin/javac" --release 25 -d "$OUT/test/launcher" -cp "$OUT/test/lib/*" \
    "$HERE/src/org/sparrow/benchmarks/device/GpuTestLauncher.java"

# The shared matrices the gpu test reads (medium/ and the few small ones it names).
[[ -f "$DATA/MANIFEST.tsv" ]] || die "shared matrices not found at $DATA (set SPARROW_DATA)"
cp "$DATA/MANIFEST.tsv" "$OUT/data/matrices/"
cp -r "$DATA/medium" "$OUT/data/matrices/"
mkdir -p "$OUT/data/matrices/small"
for m in bcsstk01 west0479 lp_afiro 2dcyl1 abb313 arc130; do
    [[ -f "$DATA/small/$m.mtx" ]] && cp "$DATA/small/$m.mtx" "$OUT/data/matrices/small/"
done

# A runtime with only the modules the jars use (jdeps), plus jdk.unsupported for libraries that reach
# sun.misc.Unsafe reflectively, where jdeps cannot see it, less the modules of code the device never
# runs: XChart's charts (java.desktop, ~20 MB: `solve --plot` and the kernel suite's PNGs) and the
# kernel suite's machine probe (jdk.management). Without them the runtime is ~43 MB.
CP="$OUT/lib/sparrow.jar:$OUT/lib/sparrow-benchmarks.jar:$OUT/test/classes:$OUT/test/launcher:$(ls "$OUT"/test/lib/*.jar | tr '\n' ':')"
MODULES="$("$JDK/bin/jdeps" --print-module-deps --ignore-missing-deps --multi-release 25 -q --class-path "$CP" \
    "$OUT/lib/sparrow.jar" "$OUT/lib/sparrow-benchmarks.jar" "$OUT/test/classes" "$OUT/test/launcher" "$OUT"/test/lib/*.jar)" \
    || die "jdeps could not list the modules: $MODULES"
MODULES="$(printf '%s\n' ${MODULES//,/ } jdk.unsupported | grep -v -x -e java.desktop -e jdk.management -e java.management \
    | sort -u | paste -s -d, -)"
echo "package.sh: jlink --add-modules $MODULES" >&2
"$JDK/bin/jlink" --add-modules "$MODULES" --strip-debug --no-man-pages --no-header-files --compress=zip-9 \
    --output "$OUT/jdk"

# Scripts, run from anywhere; they find the package from their own location.
cat > "$OUT/bin/sparrow" <<'SH'
#!/usr/bin/env bash
# The sparrow CLI on the packaged runtime, e.g. bin/sparrow backends
PKG="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
exec "$PKG/jdk/bin/java" --enable-native-access=ALL-UNNAMED ${SPARROW_JAVA_OPTS:-} -jar "$PKG/lib/sparrow.jar" "$@"
SH
cat > "$OUT/bin/gpu-tests" <<'SH'
#!/usr/bin/env bash
# The backend tests: the gpu-tagged ones, or with --all every test of org.sparrow.core.backend.
PKG="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
exec "$PKG/jdk/bin/java" --enable-native-access=ALL-UNNAMED -Xmx${SPARROW_TEST_HEAP:-16g} \
    -Dsparrow.data.dir="$PKG/data/matrices" \
    -cp "$PKG/test/launcher:$PKG/test/classes:$PKG/lib/sparrow.jar:$PKG/test/lib/*" \
    org.sparrow.benchmarks.device.GpuTestLauncher "$@"
SH
cat > "$OUT/bin/gpu-bench" <<'SH'
#!/usr/bin/env bash
# The GPU-vs-CPU SpMM benchmark and crossover sweep: bin/gpu-bench OUT_DIR [options of BackendBenchmark]
PKG="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
exec "$PKG/jdk/bin/java" --enable-native-access=ALL-UNNAMED -Xmx${SPARROW_BENCH_HEAP:-24g} \
    -cp "$PKG/lib/sparrow.jar:$PKG/lib/sparrow-benchmarks.jar" org.sparrow.benchmarks.backend.BackendBenchmark "$@"
SH
chmod +x "$OUT/bin/"*

BYTES="$(du -sb "$OUT" | cut -f1)"
echo "package.sh: $OUT is $((BYTES / 1024 / 1024)) MiB ($BYTES bytes; limit $((LIMIT_BYTES / 1024 / 1024)) MiB)" >&2
[[ "$BYTES" -lt "$LIMIT_BYTES" ]] || die "$OUT is too large to carry ($BYTES bytes ≥ $LIMIT_BYTES)"
"$OUT/bin/sparrow" --version >/dev/null || die "the packaged runtime cannot run the CLI"
echo "package.sh: done; try $OUT/bin/sparrow backends" >&2
