package io.vixlab.testing;

import io.vixlab.contracts.EventJson;
import io.vixlab.contracts.EventSchemas;
import io.vixlab.contracts.MalformedEventException;
import io.vixlab.contracts.Topics;
import io.vixlab.contracts.training.Metrics;
import io.vixlab.contracts.training.ModelResult;
import io.vixlab.contracts.training.TrainingProgress;
import io.vixlab.contracts.training.TrialResult;
import io.vixlab.contracts.training.TrialState;
import io.vixlab.contracts.tuning.FinalTrainingRequest;
import io.vixlab.contracts.tuning.TrialConfig;
import io.vixlab.contracts.tuning.TrialControl;
import io.vixlab.queue.AnsweredRuns;
import io.vixlab.queue.RunQueue;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Trainers for tests, over the real broker, working as trainer-service does: {@code trainers}
 * members of one share group ({@link RunQueue}) each take one run at a time from
 * {@code tuning.trials} and {@code training.finals}, report a known loss curve per epoch on
 * {@code training.progress}, stop when {@code tuning.control} says so, and publish scores on
 * {@code training.results} and final models on {@code models.results}. A run already answered (by
 * any trainer) is acknowledged without running ({@link AnsweredRuns}); a stopping trainer releases
 * its run. {@link #main} runs one such trainer as a process, for tests that kill trainers.
 *
 * <p>Runs of a study nobody serves yet are put aside and start when {@link #serve} names it.
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

    /**
     * Enough members that the tuner's tests never wait for one: two architectures at parallelism 3,
     * and the runs that stall for minutes (as a hung trainer holds its run) left by earlier tests.
     */
    private static final int DEFAULT_TRAINERS = 16;

    private final KafkaProducer<String, String> producer;
    private final ExecutorService putAside = Executors.newCachedThreadPool();
    private final List<RunQueue> members = new ArrayList<>();
    private final AnsweredRuns answered;
    private final Map<String, Function<TrialConfig, Answer>> served = new HashMap<>();
    private final Map<String, Function<FinalTrainingRequest, Answer>> finals = new HashMap<>();
    private final Map<String, List<TrialConfig>> unserved = new HashMap<>();
    private Function<TrialConfig, Answer> everyStudy;
    /** trial id + attempt -> the control received for it. */
    private final Map<String, TrialControl.Action> controls = new ConcurrentHashMap<>();
    private final Thread controlPoller;
    /** Where a trainer process tells its test what it does: {@code start} and {@code answered} lines. */
    private volatile Consumer<String> lifeLog = line -> { };
    private volatile boolean closed;

    /** {@value #DEFAULT_TRAINERS} trainers in a share group of their own. */
    public ScriptedTrainer(String bootstrapServers) {
        this(bootstrapServers, DEFAULT_TRAINERS, "scripted-trainers-" + UUID.randomUUID(), "test-trainer");
    }

    /**
     * @param trainers how many trainers (share-group members, one run at a time each)
     * @param group    the share group: trainers of one group, in any process, share the runs
     * @param name     the trainers' name prefix: results name {@code <name>-1} .. {@code <name>-N}
     */
    public ScriptedTrainer(String bootstrapServers, int trainers, String group, String name) {
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrapServers);
        p.put("acks", "all");
        this.producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
        RunQueue.Settings settings = new RunQueue.Settings(bootstrapServers, group,
                List.of(Topics.TRAINING_FINALS, Topics.TUNING_TRIALS), Duration.ofMinutes(10), Duration.ofMinutes(3),
                5, Map.of());
        this.answered = AnsweredRuns.start(settings, name);
        this.controlPoller = pollControls(bootstrapServers);
        for (int i = 1; i <= trainers; i++) {
            String trainer = trainers == 1 ? name : name + "-" + i;
            members.add(RunQueue.start(settings, trainer, (run, stopping) -> work(run, stopping, trainer)));
        }
        // A test publishes runs as soon as this returns: every member must be in the queue by then.
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (!members.stream().allMatch(RunQueue::hasJoined)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("scripted trainers did not join their share groups within 90 s");
            }
            sleep(50);
        }
    }

    /**
     * Runs one trainer until SIGTERM, which releases its run: {@code bootstrap group name
     * epochPauseMillis}. It serves every study, each trial {@link Answer#slow} by the pause, and
     * prints {@code ready} once it has joined the work queue, then {@code start RUN ATTEMPT} when it begins a run
     * and {@code answered RUN ATTEMPT} once the broker has the run's answer.
     */
    public static void main(String[] args) throws InterruptedException {
        ScriptedTrainer trainer = new ScriptedTrainer(args[0], 1, args[1], args[2]);
        trainer.lifeLog = line -> {
            System.out.println(line);
            System.out.flush();
        };
        trainer.serveEveryStudy(config -> Answer.slow(Duration.ofMillis(Long.parseLong(args[3]))));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                trainer.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            stopped.countDown();
        }));
        System.out.println("ready");
        System.out.flush();
        stopped.await();
    }

    /**
     * Answers the trials of {@code studyId} as {@code answers} says (null: never answer that
     * attempt), including those that arrived before this call, and its final trainings.
     */
    public synchronized void serve(String studyId, Function<TrialConfig, Answer> answers) {
        served.put(studyId, answers);
        for (TrialConfig config : unserved.getOrDefault(studyId, List.of())) {
            Answer answer = answers.apply(config);
            if (answer != null) {
                putAside.submit(() -> train(config, answer, "test-trainer", () -> closed));
            }
        }
        unserved.remove(studyId);
    }

    /** Answers the trials of every study as {@code answers} says, and their finals {@link Answer#GOOD}. */
    public synchronized void serveEveryStudy(Function<TrialConfig, Answer> answers) {
        everyStudy = answers;
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
        sendResult(config, state, value, error, "test-trainer", 1);
    }

    private void sendResult(TrialConfig config, TrialState state, Double value, String error, String trainer,
            long durationMillis) {
        send(Topics.TRAINING_RESULTS, config.trialId(), new TrialResult(TrialResult.SCHEMA_VERSION,
                config.studyId(), config.trialId(), config.trialNumber(), config.attempt(), config.architecture(),
                state, value, null, null, null, error, durationMillis, trainer, Instant.now()));
    }

    /** One run on one member: acknowledged once answered (or found answered), released when stopping. */
    private RunQueue.Outcome work(RunQueue.Delivery run, RunQueue.StopSignal stopping, String trainer) {
        try {
            return answer(run, stopping, trainer);
        } catch (MalformedEventException e) {
            return RunQueue.Outcome.reject(e.getMessage());
        }
    }

    private RunQueue.Outcome answer(RunQueue.Delivery run, RunQueue.StopSignal stopping, String trainer) {
        boolean isFinal = run.topic().equals(Topics.TRAINING_FINALS);
        TrainingProgress.RunKind kind = isFinal ? TrainingProgress.RunKind.FINAL : TrainingProgress.RunKind.TRIAL;
        if (isFinal) {
            FinalTrainingRequest request = EventSchemas.parse(run.value(), FinalTrainingRequest.class);
            Answer answer;
            synchronized (this) {
                if (!served.containsKey(request.studyId()) && everyStudy == null) {
                    return RunQueue.Outcome.accept();
                }
                answer = finals.getOrDefault(request.studyId(), r -> Answer.GOOD).apply(request);
            }
            if (answer == null || answeredBefore(kind, request.finalId(), request.attempt(), run)) {
                return RunQueue.Outcome.accept();
            }
            return answerFinal(request, answer, stopping) ? RunQueue.Outcome.accept() : RunQueue.Outcome.release();
        }
        TrialConfig config = EventSchemas.parse(run.value(), TrialConfig.class);
        Function<TrialConfig, Answer> answers;
        synchronized (this) {
            answers = served.getOrDefault(config.studyId(), everyStudy);
            if (answers == null) {
                unserved.computeIfAbsent(config.studyId(), id -> new ArrayList<>()).add(config);
                return RunQueue.Outcome.accept();
            }
        }
        Answer answer = answers.apply(config);
        if (answer == null || answeredBefore(kind, config.trialId(), config.attempt(), run)) {
            return RunQueue.Outcome.accept();
        }
        return train(config, answer, trainer, stopping) ? RunQueue.Outcome.accept() : RunQueue.Outcome.release();
    }

    private boolean answeredBefore(TrainingProgress.RunKind kind, String runId, int attempt, RunQueue.Delivery run) {
        try {
            return answered.isAnswered(kind, runId, attempt, run.deliveryCount(), Duration.ofSeconds(30));
        } catch (TimeoutException e) {
            throw new IllegalStateException("cannot tell whether " + runId + " was answered", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void onControl(ConsumerRecord<String, String> record) {
        TrialControl control = EventSchemas.parse(record.value(), TrialControl.class);
        controls.put(control.trialId() + "#" + control.attempt(), control.action());
    }

    /** False when the trainer stopped before an answer. */
    private boolean train(TrialConfig config, Answer answer, String trainer, RunQueue.StopSignal stopping) {
        long start = System.nanoTime();
        lifeLog.accept("start " + config.trialId() + " " + config.attempt());
        double objective = objective(config.params());
        String key = config.trialId() + "#" + config.attempt();
        TrialState end = runEpochs(key, answer, objective, Math.max(1, config.training().folds()),
                config.training().epochs(), stopping, (fold, epoch, step, loss) -> send(Topics.TRAINING_PROGRESS,
                        config.trialId(), new TrainingProgress(TrainingProgress.SCHEMA_VERSION, config.studyId(),
                                config.trialId(), config.attempt(), config.architecture(),
                                TrainingProgress.RunKind.TRIAL, fold, epoch, step, loss, loss, 1e-3, Instant.now())));
        if (end == null) {
            return false;
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        switch (end) {
            case COMPLETE -> sendResult(config, end, answer.lossScale() * objective, null, trainer, millis);
            case FAILED -> sendResult(config, end, null, answer.error(), trainer, millis);
            default -> sendResult(config, end, null, "stopped by " + controls.get(key), trainer, millis);
        }
        lifeLog.accept("answered " + config.trialId() + " " + config.attempt());
        return true;
    }

    /** False when the trainer stopped before an answer. */
    private boolean answerFinal(FinalTrainingRequest request, Answer answer, RunQueue.StopSignal stopping) {
        long start = System.nanoTime();
        String key = request.finalId() + "#" + request.attempt();
        TrialState end = runEpochs(key, answer, objective(request.params()), 1,
                Math.max(1, request.training().epochs()), stopping, (fold, epoch, step, loss) -> send(
                        Topics.TRAINING_PROGRESS, request.finalId(), new TrainingProgress(
                                TrainingProgress.SCHEMA_VERSION, request.studyId(), request.finalId(),
                                request.attempt(), request.architecture(), TrainingProgress.RunKind.FINAL, fold,
                                epoch, step, loss, loss, 1e-3, Instant.now())));
        if (end == null) {
            return false;
        }
        switch (end) {
            case COMPLETE -> sendModelResult(request, end, null, start);
            case FAILED -> sendModelResult(request, end, answer.error(), start);
            default -> sendModelResult(request, end, "stopped by " + controls.get(key), start);
        }
        return true;
    }

    /** Reports one epoch's validation loss. */
    private interface EpochReport {
        void report(int fold, int epoch, int step, double loss);
    }

    /**
     * Runs one attempt's epochs: after each it reports the objective's loss curve and pauses for
     * {@code epochPause}, which a prune or cancel for {@code key} ends. Returns how the run ended:
     * COMPLETE, FAILED (the answer's error, after the first epoch), PRUNED or CANCELLED; null when
     * the trainer stopped first.
     */
    private TrialState runEpochs(String key, Answer answer, double objective, int folds, int epochs,
            RunQueue.StopSignal stopping, EpochReport progress) {
        for (int fold = 0; fold < folds; fold++) {
            for (int epoch = 0; epoch < epochs; epoch++) {
                int step = fold * epochs + epoch;
                progress.report(fold, epoch, step, answer.lossScale() * objective * (1 + 1.0 / (step + 1)));
                if (answer.error() != null) {
                    return TrialState.FAILED;
                }
                long until = System.nanoTime() + answer.epochPause().toNanos();
                while (System.nanoTime() < until && !controls.containsKey(key) && !stopping.isSet()) {
                    sleep(10);
                }
                if (stopping.isSet()) {
                    return null;
                }
                if (controls.containsKey(key)) {
                    return controls.get(key) == TrialControl.Action.PRUNE ? TrialState.PRUNED : TrialState.CANCELLED;
                }
            }
        }
        return TrialState.COMPLETE;
    }

    private void sendModelResult(FinalTrainingRequest request, TrialState state, String error, long startNanos) {
        Metrics metrics = state == TrialState.COMPLETE ? new Metrics(4.0, 2.0, 1.5, 0.8, 0.6) : null;
        send(Topics.MODELS_RESULTS, request.finalId(), new ModelResult(ModelResult.SCHEMA_VERSION,
                request.studyId(), request.finalId(), request.attempt(), request.architecture(), state,
                request.datasetId(), request.params(), request.training(), metrics, metrics, null, 1000, 3,
                (System.nanoTime() - startNanos) / 1_000_000,
                state == TrialState.COMPLETE ? "file:/models/" + request.finalId() : null, error, Instant.now()));
    }

    private void send(String topic, String key, Object event) {
        try {
            producer.send(new ProducerRecord<>(topic, key, EventJson.write(event))).get();
        } catch (Exception e) {
            throw new IllegalStateException("test trainer cannot send to " + topic, e);
        }
    }

    /** Every control message from now on: its own group, from the latest. */
    private Thread pollControls(String bootstrapServers) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "test-trainer-control-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        Thread poller = new Thread(() -> {
            try (var consumer = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
                consumer.subscribe(List.of(Topics.TUNING_CONTROL));
                while (!closed) {
                    consumer.poll(Duration.ofMillis(100)).forEach(this::onControl);
                }
            }
        }, "test-trainer-control");
        poller.setDaemon(true);
        poller.start();
        return poller;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Stops every trainer: runs in progress are released to the queue. */
    @Override
    public void close() throws InterruptedException {
        members.forEach(RunQueue::close);
        closed = true;
        controlPoller.join(5_000);
        putAside.shutdown();
        putAside.awaitTermination(10, TimeUnit.SECONDS);
        answered.close();
        producer.close();
    }
}
