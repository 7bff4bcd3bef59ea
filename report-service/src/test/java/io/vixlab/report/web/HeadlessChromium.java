package io.vixlab.report.web;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's {@code chromium} in headless mode, driven from the command line: no WebDriver, no
 * Node. Network features that would reach the internet are off, so a page renders only from what
 * the test server (or the file) provides. Missing Chromium fails the test: the browser test must
 * run wherever the build runs.
 */
final class HeadlessChromium {

    private static final Path BINARY = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));
    private static final long TIMEOUT_SECONDS = 90;

    /** A page as the browser built it, and what its console said. */
    record Page(String dom, List<String> consoleMessages) {
    }

    private HeadlessChromium() {
    }

    static Page dumpDom(String url) {
        Run run = run(url, "--dump-dom");
        return new Page(run.stdout(), run.stderr().lines().filter(line -> line.contains(":CONSOLE")).toList());
    }

    static void screenshot(String url, Path file) {
        run(url, "--screenshot=" + file.toAbsolutePath(), "--window-size=1280,2000", "--hide-scrollbars");
        if (!Files.isRegularFile(file)) {
            fail("Chromium wrote no screenshot to " + file);
        }
    }

    private record Run(String stdout, String stderr) {
    }

    private static Run run(String url, String... action) {
        if (!Files.isExecutable(BINARY)) {
            fail("Chromium is not installed at " + BINARY + ": the browser test needs Debian's chromium "
                    + "(apt-get install -y chromium), or CHROMIUM=<path to a Chromium binary>");
        }
        try {
            Path profile = Files.createTempDirectory("vixlab-chromium");
            Path out = Files.createTempFile("chromium", ".out");
            Path err = Files.createTempFile("chromium", ".err");
            List<String> command = new ArrayList<>(List.of(BINARY.toString(), "--headless", "--no-sandbox",
                    "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
                    "--user-data-dir=" + profile, "--enable-logging=stderr", "--v=0"));
            command.addAll(List.of(action));
            command.add(url);
            Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                fail("Chromium did not finish within " + TIMEOUT_SECONDS + " s on " + url);
            }
            String stderr = Files.readString(err, StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                fail("Chromium exited with " + process.exitValue() + " on " + url + ":\n" + stderr);
            }
            return new Run(Files.readString(out, StandardCharsets.UTF_8), stderr);
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + BINARY, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running Chromium", e);
        }
    }
}
