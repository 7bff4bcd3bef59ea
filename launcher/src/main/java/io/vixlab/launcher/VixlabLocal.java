package io.vixlab.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import io.vixlab.launcher.cli.RunOptions;
import io.vixlab.launcher.cli.RunOptionsParser;
import io.vixlab.launcher.cli.UsageException;
import io.vixlab.launcher.progress.ComparisonTable;
import io.vixlab.launcher.progress.ProgressDisplay;
import io.vixlab.launcher.progress.ProgressLine;
import io.vixlab.launcher.progress.StudySnapshot;
import io.vixlab.launcher.stack.LocalBuild;
import io.vixlab.launcher.stack.LocalStack;
import io.vixlab.launcher.stack.MemoryMeter;
import io.vixlab.launcher.study.StudyBudget;
import io.vixlab.launcher.study.StudyPipeline;
import io.vixlab.launcher.study.StudyRequest;
import io.vixlab.launcher.study.StudyRuns;
import io.vixlab.launcher.study.TrainerUtilisation;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code ./vixlab run}: builds the local flavour of the services if needed, starts the broker and
 * the services under one working directory, ingests the market data, waits for the dataset, runs a
 * study, shows its progress, prints the comparison table and saves the report. Ctrl-C stops every
 * process; so does the end of the run, unless {@code --keep-running}.
 *
 * <p>The repository root is {@code -Dvixlab.root} (the {@code vixlab} script sets it), else the
 * working directory.
 */
public final class VixlabLocal {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
    /** Set when Ctrl-C (or another signal) stops the run: what fails after it is the stop, not an error. */
    private static volatile boolean stopping;

    private VixlabLocal() {
    }

    public static void main(String[] args) {
        Optional<RunOptions> parsed;
        try {
            parsed = RunOptionsParser.parse(args);
        } catch (UsageException e) {
            System.err.println("vixlab: " + e.getMessage());
            System.err.print(RunOptionsParser.USAGE);
            System.exit(2);
            return;
        }
        if (parsed.isEmpty()) {
            System.out.print(RunOptionsParser.USAGE);
            return;
        }
        try {
            run(parsed.get());
            System.exit(0);
        } catch (RuntimeException e) {
            if (!stopping) {
                say("failed: " + e.getMessage());
            }
            System.exit(stopping ? 130 : 1);
        }
    }

    static void run(RunOptions options) {
        long t0 = System.nanoTime();
        Path root = Path.of(System.getProperty("vixlab.root", ".")).toAbsolutePath().normalize();
        Path work = options.workdir().toAbsolutePath().normalize();
        StudyBudget budget = StudyRequest.budget(options);
        say(String.format("vixlab run: %s, %d trials × %d folds × %d epochs, finals of %d epochs, %d trainer(s); work in %s",
                String.join(", ", StudyRequest.architectures(options)), budget.trialsPerArchitecture(), budget.folds(),
                budget.epochs(), budget.finalEpochs(), options.trainers(), work));

        LocalBuild.ensure(root, LocalStack.MODULES, work.resolve("logs").resolve("build.log"), VixlabLocal::say);

        // LocalStack stops every process it started on exit (Ctrl-C included); this hook only says so.
        AtomicReference<LocalStack> running = new AtomicReference<>();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stopping = true;
            LocalStack stack = running.get();
            if (stack != null) {
                System.out.println();
                say("stopping the services and the broker ...");
                stack.close();
                say("stopped");
            }
            stopped.countDown();
        }, "vixlab-stop"));

        LocalStack stack = LocalStack.start(new LocalStack.Config(root, work, options.trainers(),
                options.threadsPerTrainer(Runtime.getRuntime().availableProcessors()), true,
                Duration.ofMinutes(4)), VixlabLocal::say);
        running.set(stack);
        try (MemoryMeter memory = new MemoryMeter(stack::pids, 2000)) {
            StudyPipeline pipeline = new StudyPipeline(stack, VixlabLocal::say);
            JsonNode before = pipeline.latestDataset();
            JsonNode run = pipeline.ingest(options.source());
            int changed = StudyPipeline.changedBars(run);
            say(String.format("ingested %s: %d bars new or changed (%s)", options.source(), changed,
                    run.path("publication").asText()));
            JsonNode dataset = pipeline.awaitDataset(before == null ? null : before.path("datasetId").asText(),
                    changed > 0, StudyPipeline.DATASET_WAIT);
            String datasetId = dataset.path("datasetId").asText();
            say(String.format("dataset %s: %d windows (%d train, %d test), split %s", datasetId,
                    dataset.path("windowCount").asInt(), dataset.path("trainCount").asInt(),
                    dataset.path("testCount").asInt(), dataset.path("splitDate").asText()));

            String name = "vixlab run " + Instant.now().truncatedTo(ChronoUnit.SECONDS);
            String studyId = pipeline.createStudy(StudyRequest.body(options, name, datasetId));
            long studyStart = System.nanoTime();
            say("study " + studyId + " started; progress (trials done per architecture, best validation MSE, scaled):");
            int architectures = StudyRequest.architectures(options).size();
            Duration limit = Duration.ofMinutes((long) budget.timeoutMinutesPerArchitecture() * architectures + 30);
            try (ProgressDisplay display = ProgressDisplay.forStandardOutput(VixlabLocal::say,
                    StudySnapshot.finalWeight(budget))) {
                pipeline.watch(studyId, display, limit, display.pollEvery());
            }

            JsonNode report = pipeline.report(studyId);
            Path html = pipeline.saveReport(studyId, report, work.resolve("reports"));
            System.out.println();
            ComparisonTable.render(report).forEach(System.out::println);
            System.out.println();
            String url = stack.uri(LocalStack.REPORT_SERVICE, "/studies/" + studyId).toString();
            say("report: " + html + " (standalone HTML; JSON beside it)");
            say(String.format("study took %s, the whole run %s; peak memory of the processes %d MB",
                    ProgressLine.clock(millisSince(studyStart)), ProgressLine.clock(millisSince(t0)), memory.peakMb()));
            TrainerUtilisation use = TrainerUtilisation.of(StudyRuns.read(stack.bootstrapServers(), studyId),
                    options.trainers());
            say(String.format("trainers: %d busy %.1f%% of the %s that runs waited for one; %d runs, %s of"
                    + " training in %s (%.2f × the ideal, training time / trainers)", use.trainers(),
                    100 * use.busyWhileWaiting(), ProgressLine.clock(use.waitingSpan().toMillis()), use.runs(),
                    ProgressLine.clock(use.trainingTime().toMillis()), ProgressLine.clock(use.span().toMillis()),
                    use.spanOverIdeal()));
            if (options.keepRunning()) {
                say("services stay up: " + url + " (all studies: " + stack.uri(LocalStack.REPORT_SERVICE, "/")
                        + "); Ctrl-C stops them");
                awaitForever(stopped);
                return;
            } else {
                say("local URL (served while the services run; add --keep-running to browse it): " + url);
            }
        } finally {
            if (running.getAndSet(null) != null) {
                stack.close();
            }
        }
    }

    private static long millisSince(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }

    private static void awaitForever(CountDownLatch stopped) {
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void say(String message) {
        System.out.println(LocalTime.now().format(TIME) + "  " + message);
    }
}
