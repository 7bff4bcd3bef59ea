package io.vixlab.launcher.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalBuildTest {

    @TempDir
    Path root;

    @Test
    void aServiceIsStaleWhenItsLocalPackageIsMissingOrOlderThanASourceItIsBuiltFrom() throws IOException {
        Instant built = Instant.parse("2026-11-25T12:00:00Z");
        file("pom.xml", built.minusSeconds(60));
        for (String m : List.of("contracts", "service-kit", "a", "b", "c")) {
            file(m + "/pom.xml", built.minusSeconds(60));
            file(m + "/src/main/java/X.java", built.minusSeconds(60));
        }
        file("a/target/local/quarkus-run.jar", built);
        file("b/target/local/quarkus-run.jar", built);
        assertThat(LocalBuild.stale(root, List.of("a", "b", "c"))).containsExactly("c");

        file("b/src/main/resources/application.properties", built.plusSeconds(1));
        assertThat(LocalBuild.stale(root, List.of("a", "b", "c"))).containsExactly("b", "c");

        file("b/src/test/java/XTest.java", built.plusSeconds(1)); // tests do not make a package stale
        file("service-kit/src/main/resources/META-INF/microprofile-config.properties", built.plusSeconds(1));
        assertThat(LocalBuild.stale(root, List.of("a", "b"))).containsExactly("a", "b");
    }

    @Test
    void theBuildIsTheLocalProfileIntoTargetLocalWithItsDependencies() {
        assertThat(LocalBuild.command(root, List.of("a", "b"), List.of("-o")).subList(1, 11)).containsExactly(
                "-B", "-q", "-Dmaven.test.skip=true", "package", "-Dquarkus.profile=local",
                "-Dquarkus.package.output-directory=local", "-pl", "a,b", "-am", "-o");
        assertThat(LocalBuild.appDir(root, "a")).isEqualTo(root.resolve("a/target/local"));
    }

    private void file(String path, Instant mtime) throws IOException {
        Path p = root.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, path);
        Files.setLastModifiedTime(p, FileTime.from(mtime));
    }
}
