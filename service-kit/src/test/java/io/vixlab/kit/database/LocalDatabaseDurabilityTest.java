package io.vixlab.kit.database;

import static org.assertj.core.api.Assertions.assertThat;

import io.vixlab.kit.messaging.EventSerializer;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A service killed with SIGKILL keeps every transaction it committed in its local H2 file. A child
 * JVM opens the database at service-kit's default URL, commits rows and prints each id after its
 * commit returned; the test kills it right after a printed commit, at a random count, reopens the
 * database and looks for every printed id. The same scenario without {@code WRITE_DELAY=0} shows
 * that the test can see a loss, and why the option is there.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class LocalDatabaseDurabilityTest {

    static final String USER = "vixlab";
    static final String CREATE_TABLE = "CREATE TABLE IF NOT EXISTS committed(id BIGINT PRIMARY KEY)";

    private static final String DURABLE_COMMITS = ";WRITE_DELAY=0";
    private static final int ROUNDS = 5;
    private static final int MAX_COMMITS_BEFORE_KILL = 500;

    @TempDir
    Path dataDir;

    @Test
    void everyReportedCommitSurvivesAKill() throws Exception {
        for (int round = 1; round <= ROUNDS; round++) {
            Round r = killAfterRandomCommit(localUrl(dataDir, "durable-" + round));
            assertThat(r.stored()).as("reported commits found after round %d: %s", round, r)
                    .isEqualTo(r.reported());
        }
    }

    @Test
    void withoutWriteDelayZeroAKillLosesReportedCommits() throws Exception {
        List<Round> rounds = new ArrayList<>();
        for (int round = 1; round <= ROUNDS; round++) {
            String durable = localUrl(dataDir, "delayed-" + round);
            String delayed = durable.replace(DURABLE_COMMITS, "");
            assertThat(delayed).as("service-kit's URL has " + DURABLE_COMMITS).isNotEqualTo(durable);
            rounds.add(killAfterRandomCommit(delayed));
        }
        assertThat(rounds).as("rounds under H2's default write delay").anyMatch(r -> r.stored() < r.reported());
    }

    /** Ids the killed writer printed, and how many of them the reopened database holds. */
    private record Round(long reported, long stored) {
    }

    private static Round killAfterRandomCommit(String url) throws Exception {
        long killAfter = ThreadLocalRandom.current().nextLong(1, MAX_COMMITS_BEFORE_KILL + 1);
        Process writer = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", writerClasspath(), CommitWriter.class.getName(), url).redirectErrorStream(true).start();
        long reported = 0;
        List<String> otherOutput = new ArrayList<>();
        try (BufferedReader out = writer.inputReader()) {
            boolean killed = false;
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.matches("\\d+")) {
                    reported = Long.parseLong(line);
                } else {
                    otherOutput.add(line);
                }
                if (reported == killAfter && !killed) {
                    // SIGKILL through the handle: Process.destroyForcibly would also close the pipe,
                    // which may still hold ids printed before the kill (they count as reported).
                    writer.toHandle().destroyForcibly();
                    killed = true;
                }
            }
            writer.waitFor();
        } finally {
            writer.destroyForcibly();
        }
        assertThat(reported).as("commits the writer printed; its other output: %s", otherOutput)
                .isGreaterThanOrEqualTo(killAfter);
        return new Round(reported, storedUpTo(url, reported));
    }

    private static long storedUpTo(String url, long id) throws SQLException {
        try (Connection db = DriverManager.getConnection(url, USER, "")) {
            db.createStatement().execute(CREATE_TABLE); // the kill may have taken the table as well
            try (ResultSet count = db.createStatement().executeQuery("SELECT COUNT(*) FROM committed WHERE id <= " + id)) {
                count.next();
                return count.getLong(1);
            }
        }
    }

    /** service-kit's default JDBC URL, as a service named {@code name} with data under {@code dataDir} has it. */
    private static String localUrl(Path dataDir, String name) throws IOException, URISyntaxException {
        Properties defaults = new Properties();
        try (InputStream in = Files.newInputStream(codeSource(EventSerializer.class)
                .resolve("META-INF/microprofile-config.properties"))) {
            defaults.load(in);
        }
        String url = defaults.getProperty("quarkus.datasource.jdbc.url")
                .replace("${vixlab.data-dir}", dataDir.toString())
                .replace("${quarkus.application.name}", name);
        assertThat(url).startsWith("jdbc:h2:file:").doesNotContain("${");
        return url;
    }

    /** This test's classes and the H2 driver: all the writer needs. */
    private static String writerClasspath() throws URISyntaxException {
        return codeSource(CommitWriter.class) + File.pathSeparator + codeSource(org.h2.Driver.class);
    }

    private static Path codeSource(Class<?> type) throws URISyntaxException {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    }
}
