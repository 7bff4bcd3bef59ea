package io.vixlab.launcher.cli;

import io.vixlab.contracts.search.Architecture;
import io.vixlab.contracts.tuning.ForecastTarget;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/** Parses {@code ./vixlab run [options]}; {@code --name value} and {@code --name=value} both work. */
public final class RunOptionsParser {

    public static final String USAGE = """
            usage: ./vixlab run [options]

              --trials N              trials per architecture (quick default 4, --full 50)
              --epochs N              epochs per tuning fold (quick 6, --full 50)
              --folds N               time-series cross-validation folds (quick 2, --full 3)
              --final-epochs N        epochs of each final training (quick 15, --full 100)
              --timeout-minutes N     tuning time limit per architecture (quick 10, --full 60)
              --architectures A,B     which architectures to compare (default: all five)
                                      Basic_CNN_LSTM, Deep_CNN_LSTM, Bidirectional_CNN_LSTM,
                                      Attention_CNN_LSTM, Multiscale_CNN_LSTM
              --trainers N            trainer processes (default 2); also the study's parallelism
              --threads N             TensorFlow threads per trainer (default: cores / 2, at least 1);
                                      kept whatever --trainers is, so that any number of trainers
                                      trains the same models
              --full                  the seed's budget: 50 trials, 3 folds, 50 epochs, 60 min, final 100
              --source snapshot|cboe  market data: the bundled CBOE snapshot (default, offline) or CBOE online
              --target level|log-change
                                      what the networks learn: the next close (default, the seed's) or
                                      its log change, so that an output of 0 is the random walk
              --workdir DIR           where data, databases, logs, models and reports live (default .vixlab)
              --keep-running          leave the services up after the study (Ctrl-C stops them)
              --help                  this text
            """;

    private static final java.util.Set<String> VALUED = java.util.Set.of("--trials", "--epochs", "--folds",
            "--final-epochs", "--timeout-minutes", "--architectures", "--trainers", "--threads", "--source", "--target", "--workdir");

    private RunOptionsParser() {
    }

    /** The options, or empty when help was asked for. */
    public static Optional<RunOptions> parse(String... args) {
        if (args.length == 0) {
            throw new UsageException("no command given; the command is: run");
        }
        if (isHelp(args[0])) {
            return Optional.empty();
        }
        if (!"run".equals(args[0])) {
            throw new UsageException("unknown command '" + args[0] + "'; the command is: run");
        }
        RunOptions d = RunOptions.defaults();
        Integer trials = null;
        Integer epochs = null;
        Integer folds = null;
        Integer finalEpochs = null;
        Integer timeout = null;
        List<String> architectures = d.architectures();
        int trainers = d.trainers();
        Integer threads = d.threads();
        boolean full = false;
        String source = d.source();
        ForecastTarget target = d.target();
        Path workdir = d.workdir();
        boolean keepRunning = false;
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            String name = arg;
            String inline = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                name = arg.substring(0, eq);
                inline = arg.substring(eq + 1);
            }
            if (isHelp(name)) {
                return Optional.empty();
            }
            switch (name) {
                case "--full" -> full = flag(name, inline);
                case "--keep-running" -> keepRunning = flag(name, inline);
                default -> {
                    if (!VALUED.contains(name)) {
                        throw new UsageException("unknown option '" + name + "'");
                    }
                    String value = inline;
                    if (value == null) {
                        if (i + 1 >= args.length) {
                            throw new UsageException(name + " needs a value");
                        }
                        value = args[++i];
                    }
                    switch (name) {
                        case "--trials" -> trials = positive(name, value, 10_000);
                        case "--epochs" -> epochs = positive(name, value, 10_000);
                        case "--folds" -> folds = range(name, value, 2, 20);
                        case "--final-epochs" -> finalEpochs = positive(name, value, 10_000);
                        case "--timeout-minutes" -> timeout = positive(name, value, 7 * 24 * 60);
                        case "--architectures" -> architectures = architectures(value);
                        case "--trainers" -> trainers = range(name, value, 1, 8);
                        case "--threads" -> threads = range(name, value, 1, 256);
                        case "--source" -> source = source(value);
                        case "--target" -> target = target(value);
                        case "--workdir" -> workdir = workdir(value);
                        default -> throw new UsageException("unknown option '" + name + "'");
                    }
                }
            }
        }
        return Optional.of(new RunOptions(trials, epochs, folds, finalEpochs, timeout, architectures, trainers,
                threads, full, source, target, workdir, keepRunning));
    }

    private static boolean isHelp(String arg) {
        return "--help".equals(arg) || "-h".equals(arg) || "help".equals(arg);
    }

    private static boolean flag(String name, String inline) {
        if (inline != null) {
            throw new UsageException(name + " takes no value");
        }
        return true;
    }

    private static int positive(String name, String value, int max) {
        return range(name, value, 1, max);
    }

    private static int range(String name, String value, int min, int max) {
        int n;
        try {
            n = Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new UsageException(name + " must be a whole number, not '" + value + "'");
        }
        if (n < min || n > max) {
            throw new UsageException(name + " must be between " + min + " and " + max + ", not " + n);
        }
        return n;
    }

    /** Names as the tuner knows them (case-insensitive on input), duplicates dropped, order kept. */
    static List<String> architectures(String value) {
        LinkedHashSet<String> names = new LinkedHashSet<>();
        for (String part : value.split(",")) {
            String trimmed = part.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            names.add(Architecture.find(trimmed).map(Architecture::displayName).orElseThrow(() ->
                    new UsageException("unknown architecture '" + trimmed + "'; known: "
                            + String.join(", ", Architecture.displayNames()))));
        }
        if (names.isEmpty()) {
            throw new UsageException("--architectures needs at least one architecture");
        }
        return new ArrayList<>(names);
    }

    private static String source(String value) {
        String s = value.trim().toLowerCase(java.util.Locale.ROOT);
        if (!s.equals("snapshot") && !s.equals("cboe")) {
            throw new UsageException("--source must be snapshot or cboe, not '" + value + "'");
        }
        return s;
    }

    private static ForecastTarget target(String value) {
        return ForecastTarget.fromSpecName(value.trim().toLowerCase(java.util.Locale.ROOT)).orElseThrow(() ->
                new UsageException("--target must be level or log-change, not '" + value + "'"));
    }

    private static Path workdir(String value) {
        if (value.isBlank()) {
            throw new UsageException("--workdir needs a directory");
        }
        return Path.of(value);
    }
}
