package io.vixlab.report.flow;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vixlab.contracts.Event;
import io.vixlab.contracts.EventJson;
import io.vixlab.contracts.EventSchemas;
import io.vixlab.contracts.Topics;
import io.vixlab.contracts.report.ArchitectureOutcome;
import io.vixlab.contracts.report.StudyReport;
import io.vixlab.contracts.training.ModelResult;
import io.vixlab.contracts.training.TrialResult;
import io.vixlab.contracts.training.TrialState;
import io.vixlab.contracts.tuning.SettledTrial;
import io.vixlab.contracts.tuning.StudyEvent;
import io.vixlab.report.consumer.ComparisonFromEvent;
import io.vixlab.report.fixture.StudyFixture;
import io.vixlab.report.persistence.TrialResultEntity;
import io.vixlab.testing.ConsumerGroups;
import io.vixlab.testing.KafkaTestResource;
import io.vixlab.testing.TopicLog;
import io.vixlab.testing.TopicReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * A study's events in over the real broker, as the tuner, trainers, feature service and ingest
 * publish them, and its report out on REST and, exactly once, on {@code reports.studies}.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class StudyReportFlowTest {

    private static final List<String> ARCHITECTURES = List.of("Basic_CNN_LSTM", "Deep_CNN_LSTM");
    private static final Duration WAIT = Duration.ofSeconds(60);

    private final String bootstrap = KafkaTestResource.bootstrapServers();

    @Test
    void completedStudyIsReportedOnRestAndPublishedOnceDespiteRedeliveries() throws Exception {
        String studyId = "flow-" + UUID.randomUUID();
        List<TrialResult> trials = trialsOf(studyId);
        List<ModelResult> finals = finalsOf(studyId);

        sendRunningStudy(studyId, trials, finals);

        // While the study runs, its report is partial and built on request, not published.
        // The trial results travel on another topic than the lifecycle: wait until all are consumed, as
        // the tuner's COMPLETED comes after every result in a real study.
        await().atMost(WAIT).untilAsserted(() -> assertThat(trialCounts(studyId)).containsExactly(5, 2));
        assertThat(given().get("/api/studies/{id}/report", studyId).jsonPath().getString("status")).isEqualTo("CREATED");

        send(Topics.TUNING_STUDIES, List.of(StudyFixture.studyEvent(studyId, ARCHITECTURES, StudyEvent.Status.COMPLETED, 30)),
                StudyEvent::studyId);
        List<ConsumerRecord<String, String>> published =
                TopicReader.await(bootstrap, Topics.REPORTS_STUDIES, r -> studyId.equals(r.key()), 1, WAIT);
        assertThat(published).hasSize(1);
        String json = published.get(0).value();
        assertThat(EventSchemas.violations(StudyReport.class, EventJson.mapper().readTree(json))).isEmpty();
        StudyReport report = EventSchemas.parse(json, StudyReport.class);
        assertThat(report.status()).isEqualTo("COMPLETED");
        assertThat(report.bestArchitecture()).isEqualTo("Basic_CNN_LSTM");
        assertThat(report.baselines()).hasSize(4);
        assertThat(report.tests()).isNotEmpty();
        // The verdict travels with the report: combination, confidence sets on both losses, sentences.
        assertThat(report.combination().architectures()).containsExactly("Basic_CNN_LSTM", "Deep_CNN_LSTM");
        assertThat(report.confidenceSets()).hasSize(2).allSatisfy(set -> assertThat(set.members()).hasSize(2 + 1 + 4));
        assertThat(report.summary()).isNotEmpty();
        assertThat(report.baselineFittingSample().days()).isEqualTo(StudyFixture.TEST_START);
        // v2: the study's setup and every planned architecture; a consumer rebuilds the table from the message alone.
        assertThat(report.setup()).isEqualTo(StudyFixture.SETUP);
        assertThat(report.architectures()).extracting(ArchitectureOutcome::architecture, ArchitectureOutcome::status)
                .containsExactly(tuple("Basic_CNN_LSTM", ArchitectureOutcome.Status.COMPLETE),
                        tuple("Deep_CNN_LSTM", ArchitectureOutcome.Status.COMPLETE));
        Map<String, ComparisonFromEvent.Accuracy> rebuilt =
                ComparisonFromEvent.accuracies(EventJson.mapper().readTree(json));
        assertThat(ComparisonFromEvent.architecturesByMse(rebuilt)).containsExactly("Basic_CNN_LSTM", "Deep_CNN_LSTM");
        assertThat(rebuilt.get("Basic_CNN_LSTM").mse()).isCloseTo(report.rows().get(0).metrics().mse(), within(1e-9));
        assertThat(ComparisonFromEvent.bestBaseline(rebuilt)).isEqualTo(report.bestBaseline());
        // Basic's five trials (t3 delivered twice, t4 on two attempts) count once each.
        assertThat(report.rows()).extracting(r -> r.trialsComplete() + r.trialsPruned() + r.trialsFailed())
                .containsExactly(5, 2);

        // Everything delivered again: nothing is stored twice and nothing published twice.
        List<RecordMetadata> again = new ArrayList<>(send(Topics.TRAINING_RESULTS, trials, TrialResult::trialId));
        again.addAll(send(Topics.MODELS_RESULTS, finals, ModelResult::finalId));
        again.addAll(send(Topics.TUNING_STUDIES,
                List.of(StudyFixture.studyEvent(studyId, ARCHITECTURES, StudyEvent.Status.COMPLETED, 30)),
                StudyEvent::studyId));
        assertThat(reportsOnceHandled(studyId, again)).hasSize(1);
        assertThat(QuarkusTransaction.requiringNew().call(() -> TrialResultEntity.count("studyId", studyId)))
                .isEqualTo(trials.stream().map(t -> t.trialId() + "#" + t.attempt()).distinct().count());

        JsonPath served = given().get("/api/studies/{id}/report", studyId).then().statusCode(200).extract().jsonPath();
        assertThat(served.getString("generatedAt")).isEqualTo(report.generatedAt().toString());
        assertThat(served.getList("rows.architecture")).containsExactly("Basic_CNN_LSTM", "Deep_CNN_LSTM");

        String csv = given().get("/api/studies/{id}/report.csv", studyId).then().statusCode(200)
                .contentType("text/csv").extract().asString();
        assertThat(csv.split("\r\n")).hasSize(1 + 2 + 1 + 4);
        assertThat(csv.split("\r\n")[1]).startsWith("architecture,Basic_CNN_LSTM,");

        JsonPath studies = given().get("/api/studies").then().statusCode(200).extract().jsonPath();
        String study = "find { it.studyId == '" + studyId + "' }";
        assertThat(studies.getString(study + ".status")).isEqualTo("COMPLETED");
        assertThat(studies.getBoolean(study + ".reportPublished")).isTrue();
        assertThat(studies.getLong(study + ".elapsedMillis")).isEqualTo(30 * 60_000L);
        assertThat(studies.getList(study + ".progress", Map.class)).containsExactly(
                Map.of("architecture", "Basic_CNN_LSTM", "trialsDone", 5, "trialsTotal", 5, "trialsRunning", 0,
                        "finalState", "COMPLETE"),
                Map.of("architecture", "Deep_CNN_LSTM", "trialsDone", 2, "trialsTotal", 5, "trialsRunning", 1,
                        "finalState", "COMPLETE"));
    }

    @Test
    void trialResultArrivingAfterTheReportPublishesItAgainWithTheCountOnce() throws Exception {
        String studyId = "late-" + UUID.randomUUID();
        List<TrialResult> trials = trialsOf(studyId);
        TrialResult late = trials.get(trials.size() - 1);
        assertThat(late.architecture()).isEqualTo("Deep_CNN_LSTM");
        sendRunningStudy(studyId, trials.subList(0, trials.size() - 1), finalsOf(studyId));
        await().atMost(WAIT).untilAsserted(() -> assertThat(trialCounts(studyId)).containsExactly(5, 1));
        send(Topics.TUNING_STUDIES, List.of(StudyFixture.studyEvent(studyId, ARCHITECTURES, StudyEvent.Status.COMPLETED, 30)),
                StudyEvent::studyId);
        StudyReport first = EventSchemas.parse(TopicReader.await(bootstrap, Topics.REPORTS_STUDIES,
                r -> studyId.equals(r.key()), 1, WAIT).get(0).value(), StudyReport.class);
        assertThat(first.rows().get(1).trialsFailed()).as("Deep's failed trial has not arrived").isZero();

        List<RecordMetadata> lateSent = send(Topics.TRAINING_RESULTS, List.of(late, late), TrialResult::trialId);

        List<StudyReport> reports = reportsOnceHandled(studyId, lateSent).stream()
                .map(r -> EventSchemas.parse(r.value(), StudyReport.class)).toList();
        assertThat(reports).as("published again once, for the one new result").hasSize(2);
        StudyReport second = reports.get(1);
        assertThat(second.rows().get(1).trialsFailed()).isEqualTo(1);
        assertThat(second.rows().get(0)).isEqualTo(first.rows().get(0));
        assertThat(second.generatedAt()).isAfter(first.generatedAt());
        assertThat(given().get("/api/studies/{id}/report", studyId).jsonPath().getString("generatedAt"))
                .isEqualTo(second.generatedAt().toString());
    }

    /**
     * Basic's best trial t3 (0.3) heard its PRUNE after its last epoch: its trainer reported COMPLETE, the
     * tuner settled it PRUNED and chose t4 (0.4). The report counts and ranks as the tuner does.
     */
    @Test
    void trialsCountAsTheTunerSettledThemNotAsTheirTrainersReported() throws Exception {
        String studyId = "settled-" + UUID.randomUUID();
        List<TrialResult> trials = trialsOf(studyId);
        sendRunningStudy(studyId, trials, finalsOf(studyId));
        await().atMost(WAIT).untilAsserted(() -> assertThat(trialCounts(studyId)).containsExactly(5, 2));
        List<SettledTrial> settled = List.of(
                new SettledTrial(StudyFixture.idIn(studyId, "t0"), 0, TrialState.COMPLETE, 0.6),
                new SettledTrial(StudyFixture.idIn(studyId, "t1"), 1, TrialState.COMPLETE, 0.5),
                new SettledTrial(StudyFixture.idIn(studyId, "t2"), 2, TrialState.PRUNED, null),
                new SettledTrial(StudyFixture.idIn(studyId, "t3"), 3, TrialState.PRUNED, 0.35),
                new SettledTrial(StudyFixture.idIn(studyId, "t4"), 4, TrialState.COMPLETE, 0.4));
        send(Topics.TUNING_STUDIES, List.of(
                StudyFixture.architectureTuned(studyId, ARCHITECTURES, "Basic_CNN_LSTM", 20, settled),
                StudyFixture.studyEvent(studyId, ARCHITECTURES, StudyEvent.Status.COMPLETED, 30)), StudyEvent::studyId);

        StudyReport report = EventSchemas.parse(TopicReader.await(bootstrap, Topics.REPORTS_STUDIES,
                r -> studyId.equals(r.key()), 1, WAIT).get(0).value(), StudyReport.class);
        assertThat(report.rows().get(0)).extracting(r -> r.architecture(), r -> r.trialsComplete(),
                r -> r.trialsPruned(), r -> r.trialsFailed(), r -> r.bestValue())
                .containsExactly("Basic_CNN_LSTM", 3, 2, 0, 0.4);
        assertThat(report.architectures().get(0).trials()).extracting(t -> t.trialNumber(), t -> t.state())
                .containsExactly(tuple(0, TrialState.COMPLETE), tuple(1, TrialState.COMPLETE),
                        tuple(2, TrialState.PRUNED), tuple(3, TrialState.PRUNED), tuple(4, TrialState.COMPLETE));
        assertThat(report.rows().get(1)).as("Deep, not tuned yet: as its trainers reported")
                .extracting(r -> r.trialsComplete(), r -> r.trialsFailed()).containsExactly(1, 1);
    }

    @Test
    void reportOfAnUnknownStudyIsNotFoundWithTheReason() {
        given().get("/api/studies/{id}/report", "no-such-study").then().statusCode(404)
                .contentType("application/problem+json")
                .extract().jsonPath().getString("detail").contains("unknown");
    }

    @Test
    void poisonResultGoesToTheDeadLetterTopicWithItsReason() {
        String key = "poison-" + UUID.randomUUID();
        TopicReader.send(bootstrap, Topics.MODELS_RESULTS, key, "{\"schemaVersion\":1,\"studyId\":\"x\"}");

        List<ConsumerRecord<String, String>> dead =
                TopicReader.await(bootstrap, Topics.DEAD_LETTERS, r -> key.equals(r.key()), 1, WAIT);
        assertThat(dead).hasSize(1);
        assertThat(new String(dead.get(0).headers().lastHeader("dead-letter-reason").value()))
                .contains("ModelResult breaks its schema");
    }

    /** The fixture's trial results of the architectures this test's studies plan. */
    private static List<TrialResult> trialsOf(String studyId) {
        return StudyFixture.trials(studyId).stream().filter(t -> ARCHITECTURES.contains(t.architecture())).toList();
    }

    /** The fixture's final results of the architectures this test's studies plan. */
    private static List<ModelResult> finalsOf(String studyId) {
        return StudyFixture.finals(studyId).stream().filter(f -> ARCHITECTURES.contains(f.architecture())).toList();
    }

    /** Finished trials per row (complete, pruned or failed) of the study's report as built now. */
    private static List<Integer> trialCounts(String studyId) {
        JsonPath report = given().get("/api/studies/{id}/report", studyId).then().statusCode(200).extract().jsonPath();
        assertThat(report.getList("rows.architecture")).containsExactly("Basic_CNN_LSTM", "Deep_CNN_LSTM");
        List<Integer> complete = report.getList("rows.trialsComplete");
        List<Integer> pruned = report.getList("rows.trialsPruned");
        List<Integer> failed = report.getList("rows.trialsFailed");
        return List.of(complete.get(0) + pruned.get(0) + failed.get(0), complete.get(1) + pruned.get(1) + failed.get(1));
    }

    /** A study as it runs: created, its trial results, progress, closes, dataset and final results. */
    private void sendRunningStudy(String studyId, List<TrialResult> trials, List<ModelResult> finals) throws Exception {
        send(Topics.TUNING_STUDIES, List.of(StudyFixture.studyEvent(studyId, ARCHITECTURES, StudyEvent.Status.CREATED, 0)),
                StudyEvent::studyId);
        send(Topics.TRAINING_RESULTS, trials, TrialResult::trialId);
        send(Topics.TRAINING_PROGRESS, StudyFixture.progress(studyId), p -> p.runId());
        send(Topics.MARKET_BARS, StudyFixture.marketBars(), bar -> bar.key());
        send(Topics.FEATURE_DATASETS, List.of(StudyFixture.dataset()), d -> d.datasetId());
        send(Topics.MODELS_RESULTS, finals, ModelResult::finalId);
    }

    /**
     * The study's reports on {@code reports.studies} once the service has handled {@code sent}: it publishes
     * while it handles an event, so they are all on the topic by then.
     */
    private static List<ConsumerRecord<String, String>> reportsOnceHandled(String studyId, List<RecordMetadata> sent) {
        sent.forEach(record -> ConsumerGroups.awaitPast("report-service", record));
        return TopicLog.since(Topics.REPORTS_STUDIES, 0).stream().filter(r -> studyId.equals(r.key())).toList();
    }

    /** Sends events with one producer, each keyed as its topic expects, after checking they are valid. */
    private <T extends Event> List<RecordMetadata> send(String topic, List<T> events, Function<T, String> key)
            throws Exception {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        List<RecordMetadata> sent = new ArrayList<>();
        try (var producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
            for (T event : events) {
                assertThat(EventSchemas.violations(event)).as("%s", event).isEmpty();
                sent.add(producer.send(new ProducerRecord<>(topic, key.apply(event), EventJson.write(event))).get());
            }
        }
        return sent;
    }
}
