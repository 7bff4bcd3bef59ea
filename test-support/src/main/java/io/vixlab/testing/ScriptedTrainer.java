package io.vixlab.testing;

import io.vixlab.contracts.EventJson;
import io.vixlab.contracts.EventSchemas;
import io.vixlab.contracts.Topics;
import io.vixlab.contracts.training.Metrics;
import io.vixlab.contracts.training.ModelResult;
import io.vixlab.contracts.training.TrainingProgress;
import io.vixlab.contracts.training.TrialResult;
import io.vixlab.contracts.training.TrialState;
import io.vixlab.contracts.tuning.FinalTrainingRequest;
import io.vixlab.contracts.tuning.TrialConfig;
import io.vixlab.contracts.tuning.TrialControl;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * A trainer for tests, over the real broker: it takes the trials of the studies it serves from
 * {@code tuning.trials}, reports a known loss curve per epoch on {@code training.progress}, stops
 * when {@code tuning.control} says so, publishes scores on {@code training.results}, and answers
 * final trainings on {@code models.results} after reporting their epochs. Every trial and final
 * runs on its own thread, as on a pool of trainers.
 */
public final class ScriptedTrainer implements AutoCloseable {

    /**
     * How to run one trial attempt: its losses are {@code lossScale} times the objective's curve,
     * and after each epoch it waits up to {@code epochPause} for a prune or cancel; with an
     * {@code error} it fails with it after the first epoch.
     */
    public record Answer(double lossScale, Duration epochPause, String error) {

        public static final Answer GOOD = new Answer(1, Duration.ofMillis(20), null);
        /** Far worse than any good trial, and slow enough for the pruner to catch it. */
        public static final Answer BAD = new Answer(10, Duration.ofMillis(1500), null);

        public static Answer slow(Duration epochPause) {
            return new Answer(1, epochPause, null);
        }

        public static Answer failing(String error) {
            return new Answer(1, Duration.ZERO, error);
        }
    }

    /** The score a trial with these parameters gets: best near learning_rate 10^-2.5 and dropout 0.3. */
    public static double objective(Map<String, Object> params) {
        double lr = ((Number) params.get("learning_rate")).doubleValue();
        double dropout = ((Number) params.get("dropout_rate")).doubleValue();
        return Math.pow(Math.log10(lr) + 2.5, 2) + Math.pow(dropout - 0.3, 2) + 0.1;
    }

    private final String bootstrapServers;
    private final KafkaProducer<String, String> producer;
    private final ExecutorService runs = Executors.newCachedThreadPool();
    private final List<Thread> pollers = new ArrayList<>();
    private final Map<String, Function<TrialConfig, Answer>> served = new HashMap<>();
    private final Map<String, Function<FinalTrainingRequest, Answer>> finals = new HashMap<>();
    private final Map<String, List<TrialConfig>> unserved = new HashMap<>();
    /** trial id + attempt -> the control received for it. */
    private final Map<String, TrialControl.Action> controls = new ConcurrentHashMap<>();
    private volatile boolean closed;

    public ScriptedTrainer(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrapServers);
        this.producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
        poll(List.of(Topics.TUNING_TRIALS, Topics.TRAINING_FINALS), this::onWork);
        poll(List.of(Topics.TUNING_CONTROL), this::onControl);
    }

    /**
     * Answers the trials of {@code studyId} as {@code answers} says (null: never answer that
     * attempt), including those that arrived before this call, and its final trainings.
     */
    public synchronized void serve(String studyId, Function<TrialConfig, Answer> answers) {
        served.put(studyId, answers);
        unserved.getOrDefault(studyId, List.of()).forEach(this::start);
        unserved.remove(studyId);
    }

    /**
     * Answers the final trainings of {@code studyId}, a served study, as {@code answers} says (null:
     * never answer that attempt); without this call each is answered {@link Answer#GOOD}. A final
     * reports {@code FINAL} progress for each of its epochs, and a prune or cancel stops it.
     */
    public synchronized void serveFinals(String studyId, Function<FinalTrainingRequest, Answer> answers) {
        finals.put(studyId, answers);
    }

    /** Sends a trial result as a trainer would, e.g. one of an attempt the tuner gave up on. */
    public void sendResult(TrialConfig config, TrialState state, Double value, String error) {
        send(Topics.TRAINING_RESULTS, config.trialId(), new TrialResult(TrialResult.SCHEMA_VERSION,
                config.studyId(), config.trialId(), config.trialNumber(), config.attempt(), config.architecture(),
                state, value, null, null, error, 1, "test-trainer", Instant.now()));
    }

    private void onWork(ConsumerRecord<String, String> record) {
        if (record.topic().equals(Topics.TRAINING_FINALS)) {
            FinalTrainingRequest request = EventSchemas.parse(record.value(), FinalTrainingRequest.class);
            synchronized (this) {
                if (served.containsKey(request.studyId())) {
                    Answer answer = finals.getOrDefault(request.studyId(), r -> Answer.GOOD).apply(request);
                    if (answer != null) {
                        runs.submit(() -> answerFinal(request, answer));
                    }
                }
            }
            return;
        }
        TrialConfig config = EventSchemas.parse(record.value(), TrialConfig.class);
        synchronized (this) {
            if (served.containsKey(config.studyId())) {
                start(config);
            } else {
                unserved.computeIfAbsent(config.studyId(), id -> new ArrayList<>()).add(config);
            }
        }
    }

    private void onControl(ConsumerRecord<String, String> record) {
        TrialControl control = EventSchemas.parse(record.value(), TrialControl.class);
        controls.put(control.trialId() + "#" + control.attempt(), control.action());
    }

    private void start(TrialConfig config) {
        Answer answer = served.get(config.studyId()).apply(config);
        if (answer != null) {
            runs.submit(() -> train(config, answer));
        }
    }

    private void train(TrialConfig config, Answer answer) {
        double objective = objective(config.params());
        String key = config.trialId() + "#" + config.attempt();
        TrialState end = runEpochs(key, answer, objective, Math.max(1, config.training().folds()),
                config.training().epochs(), (fold, epoch, step, loss) -> send(Topics.TRAINING_PROGRESS,
                        config.trialId(), new TrainingProgress(TrainingProgress.SCHEMA_VERSION, config.studyId(),
                                config.trialId(), config.attempt(), config.architecture(),
                                TrainingProgress.RunKind.TRIAL, fold, epoch, step, loss, loss, 1e-3, Instant.now())));
        switch (end) {
            case COMPLETE -> sendResult(config, end, answer.lossScale() * objective, null);
            case FAILED -> sendResult(config, end, null, answer.error());
            default -> sendResult(config, end, null, "stopped by " + controls.get(key));
        }
    }

    private void answerFinal(FinalTrainingRequest request, Answer answer) {
        String key = request.finalId() + "#" + request.attempt();
        TrialState end = runEpochs(key, answer, objective(request.params()), 1,
                Math.max(1, request.training().epochs()), (fold, epoch, step, loss) -> send(Topics.TRAINING_PROGRESS,
                        request.finalId(), new TrainingProgress(TrainingProgress.SCHEMA_VERSION, request.studyId(),
                                request.finalId(), request.attempt(), request.architecture(),
                                TrainingProgress.RunKind.FINAL, fold, epoch, step, loss, loss, 1e-3, Instant.now())));
        switch (end) {
            case COMPLETE -> sendModelResult(request, end, null);
            case FAILED -> sendModelResult(request, end, answer.error());
            default -> sendModelResult(request, end, "stopped by " + controls.get(key));
        }
    }

    /** Reports one epoch's validation loss. */
    private interface EpochReport {
        void report(int fold, int epoch, int step, double loss);
    }

    /**
     * Runs one attempt's epochs: after each it reports the objective's loss curve and pauses for
     * {@code epochPause}, which a prune or cancel for {@code key} ends. Returns how the run ended:
     * COMPLETE, FAILED (the answer's error, after the first epoch), PRUNED or CANCELLED.
     */
    private TrialState runEpochs(String key, Answer answer, double objective, int folds, int epochs,
            EpochReport progress) {
        for (int fold = 0; fold < folds; fold++) {
            for (int epoch = 0; epoch < epochs; epoch++) {
                int step = fold * epochs + epoch;
                progress.report(fold, epoch, step, answer.lossScale() * objective * (1 + 1.0 / (step + 1)));
                if (answer.error() != null) {
                    return TrialState.FAILED;
                }
                long until = System.nanoTime() + answer.epochPause().toNanos();
                while (System.nanoTime() < until && !controls.containsKey(key) && !closed) {
                    sleep(10);
                }
                if (controls.containsKey(key)) {
                    return controls.get(key) == TrialControl.Action.PRUNE ? TrialState.PRUNED : TrialState.CANCELLED;
                }
            }
        }
        return TrialState.COMPLETE;
    }

    private void sendModelResult(FinalTrainingRequest request, TrialState state, String error) {
        Metrics metrics = state == TrialState.COMPLETE ? new Metrics(4.0, 2.0, 1.5, 0.8, 0.6) : null;
        send(Topics.MODELS_RESULTS, request.finalId(), new ModelResult(ModelResult.SCHEMA_VERSION,
                request.studyId(), request.finalId(), request.attempt(), request.architecture(), state,
                request.datasetId(), request.params(), request.training(), metrics, metrics, null, 1000, 3, 5,
                state == TrialState.COMPLETE ? "file:/models/" + request.finalId() : null, error, Instant.now()));
    }

    private void send(String topic, String key, Object event) {
        try {
            producer.send(new ProducerRecord<>(topic, key, EventJson.write(event))).get();
        } catch (Exception e) {
            throw new IllegalStateException("test trainer cannot send to " + topic, e);
        }
    }

    private void poll(List<String> topics, java.util.function.Consumer<ConsumerRecord<String, String>> handler) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "test-trainer-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        Thread poller = new Thread(() -> {
            try (var consumer = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
                consumer.subscribe(topics);
                while (!closed) {
                    consumer.poll(Duration.ofMillis(100)).forEach(handler);
                }
            }
        }, "test-trainer-" + topics.get(0));
        poller.setDaemon(true);
        poller.start();
        pollers.add(poller);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        closed = true;
        for (Thread poller : pollers) {
            poller.join(5_000);
        }
        runs.shutdown();
        runs.awaitTermination(10, TimeUnit.SECONDS);
        producer.close();
    }
}
