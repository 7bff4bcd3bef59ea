package io.vixlab.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vixlab.contracts.EventJson;
import io.vixlab.contracts.EventSchemas;
import io.vixlab.contracts.Topics;
import io.vixlab.contracts.report.StudyReport;
import io.vixlab.contracts.search.Architecture;
import io.vixlab.launcher.cli.RunOptions;
import io.vixlab.launcher.cli.RunOptionsParser;
import io.vixlab.launcher.progress.ComparisonTable;
import io.vixlab.launcher.stack.Http;
import io.vixlab.launcher.stack.LocalBuild;
import io.vixlab.launcher.stack.LocalStack;
import io.vixlab.launcher.study.StudyPipeline;
import io.vixlab.launcher.study.StudyRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 8's end-to-end test: the local stack as {@code ./vixlab run} starts it, with a tiny budget.
 * All five architectures reach final results, the report has baselines and Diebold-Mariano tests and
 * is on {@code reports.studies}; then a second study in which one of the two trainers is killed in
 * mid-trial still ends with every trial accounted for (re-run, not lost, not duplicated).
 *
 * <p>Not part of the default build: it needs the tuner's trial loop and the trainer's Kafka
 * adapters. Run it with {@code mvn -B -pl launcher verify -Pe2e}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LocalStudyIT {

    /** Two trials per architecture of one epoch on two folds, finals of one epoch. */
    static final String[] TINY = {"run", "--trials", "2", "--epochs", "1", "--folds", "2", "--final-epochs", "1",
        "--timeout-minutes", "10", "--trainers", "2"};

    @TempDir
    static Path work;

    static LocalStack stack;
    static StudyPipeline pipeline;
    static String datasetId;

    @BeforeAll
    static void start() {
        Path root = Path.of(System.getProperty("vixlab.root", "..")).toAbsolutePath().normalize();
        LocalBuild.ensure(root, LocalStack.MODULES, root.resolve("launcher/target/local-build.log"), System.out::println);
        stack = LocalStack.start(new LocalStack.Config(root, work, 2, false, Duration.ofMinutes(3)), System.out::println);
        pipeline = new StudyPipeline(stack, System.out::println);
        pipeline.ingest("snapshot");
        datasetId = pipeline.awaitDataset(null, true, Duration.ofMinutes(3)).path("datasetId").asText();
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(1)
    void allFiveArchitecturesReachFinalResultsAndTheReportIsPublished() throws Exception {
        RunOptions options = RunOptionsParser.parse(TINY).orElseThrow();
        String studyId = pipeline.createStudy(StudyRequest.body(options, "e2e", datasetId));
        pipeline.watch(studyId, StudyRequest.budget(options), Duration.ofMinutes(25), Duration.ofSeconds(3));

        JsonNode report = pipeline.report(studyId);
        assertThat(report.path("rows")).extracting(r -> r.path("architecture").asText())
                .containsExactlyInAnyOrderElementsOf(Architecture.displayNames());
        assertThat(report.path("baselines")).extracting(b -> b.path("name").asText())
                .containsExactly("Random walk", "Training mean", "AR(1)", "HAR");
        assertThat(report.path("tests").size()).isGreaterThanOrEqualTo(2 * 5);
        ComparisonTable.render(report).forEach(System.out::println);

        Path html = pipeline.saveReport(studyId, report, work.resolve("reports"));
        assertThat(Files.readString(html)).contains("Basic_CNN_LSTM").doesNotContain("<script");

        JsonNode published = EventJson.mapper().readTree(
                KafkaRecords.readOne(stack.bootstrapServers(), Topics.REPORTS_STUDIES, studyId).value());
        assertThat(EventSchemas.violations(StudyReport.class, published)).isEmpty();
        assertThat(published.path("status").asText()).isEqualTo("COMPLETED");
        assertThat(published.path("rows").size()).isEqualTo(5);
    }

    @Test
    @Order(2)
    void aTrainerKilledInMidTrialLosesAndDuplicatesNoTrial() {
        RunOptions options = RunOptionsParser.parse("run", "--trials", "3", "--epochs", "2", "--folds", "2",
                "--final-epochs", "1", "--architectures", "Basic_CNN_LSTM", "--trainers", "2").orElseThrow();
        String studyId = pipeline.createStudy(StudyRequest.body(options, "e2e-kill", datasetId));

        ServiceProcess victim = awaitBusyTrainer(Duration.ofMinutes(5));
        victim.kill();
        assertThat(victim.isAlive()).isFalse();

        // the study still completes on the other trainer; watch() must not fail on the killed one
        long deadline = System.nanoTime() + Duration.ofMinutes(20).toNanos();
        JsonNode progress = null;
        while (System.nanoTime() < deadline) {
            progress = pipeline.progress(studyId);
            if (progress != null && "COMPLETED".equals(progress.path("status").asText())
                    && progress.path("reportPublished").asBoolean()) {
                break;
            }
            sleep(2000);
        }
        assertThat(progress).isNotNull();
        assertThat(progress.path("status").asText()).isEqualTo("COMPLETED");

        JsonNode study = Http.get(stack.uri(LocalStack.TUNER_SERVICE, "/api/studies/" + studyId)).json();
        Set<Integer> numbers = new HashSet<>();
        for (JsonNode trial : study.path("trials")) {
            assertThat(numbers.add(trial.path("number").asInt())).as("trial numbers are unique: %s", study).isTrue();
            assertThat(trial.path("state").asText()).isIn("COMPLETE", "PRUNED", "FAILED");
        }
        assertThat(numbers).hasSize(3);
        JsonNode row = pipeline.report(studyId).path("rows").get(0);
        assertThat(row.path("trialsComplete").asInt() + row.path("trialsPruned").asInt()
                + row.path("trialsFailed").asInt()).isEqualTo(3);
    }

    /** The trainer that reports a run in progress ({@code GET /api/trainer}). */
    private static ServiceProcess awaitBusyTrainer(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (ServiceProcess trainer : stack.trainers()) {
                JsonNode state = Http.get(trainer.baseUri().resolve("/api/trainer")).json();
                JsonNode current = state.path("running");
                if (!current.isMissingNode() && !current.isNull() && "TRIAL".equalsIgnoreCase(current.path("kind").asText())) {
                    return trainer;
                }
            }
            sleep(500);
        }
        throw new AssertionError("no trainer started a trial within " + timeout);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
