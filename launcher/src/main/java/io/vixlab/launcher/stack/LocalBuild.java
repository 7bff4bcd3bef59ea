package io.vixlab.launcher.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Builds the local flavour of the services when it is missing or older than its sources.
 *
 * <p>Quarkus fixes the database kind when it builds: {@code mvn package} builds the production
 * flavour (PostgreSQL) into {@code <module>/target/quarkus-app}, which the system tests run. The
 * local flavour is built with the {@code local} profile (H2 files, loopback, no API key, as the
 * default profile) into {@code <module>/target/local}, beside it:
 *
 * <pre>{@code mvn -B -q -Dmaven.test.skip=true package -Dquarkus.profile=local -Dquarkus.package.output-directory=local -pl <stale services> -am}</pre>
 */
public final class LocalBuild {

    /** Where a service's local-flavour package lies, relative to its module. */
    public static final Path APP_DIR = Path.of("target", "local");
    /** The modules every service is built from, besides its own. */
    static final List<String> SHARED_MODULES = List.of("contracts", "service-kit");

    private LocalBuild() {
    }

    /** The {@code quarkus-app} directory of a service's local flavour. */
    public static Path appDir(Path root, String module) {
        return root.resolve(module).resolve(APP_DIR);
    }

    /** The services whose local package is missing or older than a source it is built from. */
    public static List<String> stale(Path root, List<String> modules) {
        List<String> stale = new ArrayList<>();
        for (String module : modules) {
            Path jar = appDir(root, module).resolve("quarkus-run.jar");
            if (!Files.isRegularFile(jar)) {
                stale.add(module);
                continue;
            }
            FileTime built = mtime(jar);
            List<Path> sources = new ArrayList<>(List.of(root.resolve("pom.xml"), root.resolve(module).resolve("pom.xml"),
                    root.resolve(module).resolve("src/main")));
            SHARED_MODULES.forEach(m -> {
                sources.add(root.resolve(m).resolve("pom.xml"));
                sources.add(root.resolve(m).resolve("src/main"));
            });
            if (sources.stream().anyMatch(s -> newerThan(s, built))) {
                stale.add(module);
            }
        }
        return stale;
    }

    /** The Maven command that builds the given services' local flavour. */
    public static List<String> command(Path root, List<String> modules, List<String> extraArgs) {
        List<String> command = new ArrayList<>(List.of(mvn(), "-B", "-q", "-Dmaven.test.skip=true", "package",
                "-Dquarkus.profile=local", "-Dquarkus.package.output-directory=local",
                "-pl", String.join(",", modules), "-am"));
        command.addAll(extraArgs);
        return command;
    }

    /**
     * Builds the stale services, if any; Maven's output goes to {@code log}.
     *
     * @param extraArgs more Maven arguments (e.g. {@code -o}); {@code vixlab.mvn.args} adds its own
     */
    public static void ensure(Path root, List<String> modules, Path log, Consumer<String> say) {
        List<String> stale = stale(root, modules);
        if (stale.isEmpty()) {
            return;
        }
        List<String> extra = new ArrayList<>();
        String configured = System.getProperty("vixlab.mvn.args", System.getenv().getOrDefault("VIXLAB_MVN_ARGS", ""));
        for (String a : configured.trim().split("\\s+")) {
            if (!a.isEmpty()) {
                extra.add(a);
            }
        }
        List<String> command = command(root, stale, extra);
        say.accept("building the local flavour of " + String.join(", ", stale) + " (a few minutes; log: " + log + ")");
        long t0 = System.nanoTime();
        try {
            Files.createDirectories(log.toAbsolutePath().getParent());
            Process build = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.to(log.toFile())).start();
            int rc = build.waitFor();
            if (rc != 0) {
                throw new IllegalStateException("the build failed (exit code " + rc + "): " + String.join(" ", command)
                        + "; see " + log);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command.get(0) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while building", e);
        }
        say.accept(String.format("built in %d s", (System.nanoTime() - t0) / 1_000_000_000L));
    }

    private static String mvn() {
        String home = System.getProperty("maven.home");
        if (home != null && Files.isExecutable(Path.of(home, "bin", "mvn"))) {
            return Path.of(home, "bin", "mvn").toString();
        }
        return "mvn";
    }

    private static boolean newerThan(Path path, FileTime time) {
        if (!Files.exists(path)) {
            return false;
        }
        try (Stream<Path> files = Files.walk(path)) {
            return files.filter(Files::isRegularFile).anyMatch(f -> mtime(f).compareTo(time) > 0);
        } catch (IOException e) {
            return true;
        }
    }

    private static FileTime mtime(Path path) {
        try {
            return Files.getLastModifiedTime(path);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }
}
