package org.sparrow.benchmarks.device;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TagFilter;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * Runs the backend tests of {@code org.sparrow.core.backend} without Maven, on the device machine:
 * by default only those tagged {@code gpu} (what Surefire excludes), with {@code --all} every test
 * of the package. Prints each test's outcome and a summary; exits 0 when tests ran and none failed.
 * Compiled and packaged by {@code benchmarks/device/package.sh} (it is not part of the Maven build:
 * it needs the JUnit launcher, which no module depends on); see {@code benchmarks/device/README.md}.
 */
public final class GpuTestLauncher {

    private GpuTestLauncher() {
    }

    /**
     * Runs the tests and exits.
     *
     * @param args {@code --all} for every test of the package, else only the {@code gpu}-tagged ones
     */
    public static void main(String[] args) {
        boolean all = args.length > 0 && args[0].equals("--all");
        LauncherDiscoveryRequestBuilder request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectPackage("org.sparrow.core.backend"));
        if (!all) {
            request.filters(TagFilter.includeTags("gpu"));
        }
        LauncherDiscoveryRequest built = request.build();
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        SummaryGeneratingListener summary = new SummaryGeneratingListener();
        TestExecutionListener progress = new TestExecutionListener() {
            @Override
            public void executionSkipped(TestIdentifier id, String reason) {
                if (id.isTest() || id.getParentId().isPresent()) {
                    out.println("SKIPPED " + id.getDisplayName() + ": " + reason);
                }
            }

            @Override
            public void executionFinished(TestIdentifier id, TestExecutionResult result) {
                if (id.isTest() || result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
                    out.println(result.getStatus() + " " + id.getDisplayName()
                            + result.getThrowable().map(t -> ": " + t).orElse(""));
                }
            }
        };
        Launcher launcher = LauncherFactory.create();
        launcher.execute(built, summary, progress);
        TestExecutionSummary s = summary.getSummary();
        s.printTo(out);
        s.printFailuresTo(out, 30);
        out.flush();
        boolean ok = s.getTestsFoundCount() > 0 && s.getTotalFailureCount() == 0;
        System.exit(ok ? 0 : 1);
    }
}
