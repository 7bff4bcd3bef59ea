package io.vixlab.launcher.progress;

import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Progress as plain lines ({@link ProgressLine}), for output that is not a terminal (CI, pipes, a
 * file): a line whenever something other than the clock changed, and at least every minute, so that
 * a log stays short and still shows the study is alive.
 */
public final class PlainProgress implements ProgressDisplay {

    static final Duration POLL_EVERY = Duration.ofSeconds(5);
    static final Duration AT_LEAST_EVERY = Duration.ofMinutes(1);

    private final Consumer<String> say;
    private final LongSupplier millis;
    private final double finalWeight;
    private String lastShown;
    private long lastShownAt;

    /**
     * @param say    where lines go
     * @param millis a clock in milliseconds (a fake one in tests)
     */
    public PlainProgress(Consumer<String> say, LongSupplier millis, double finalWeight) {
        this.say = say;
        this.millis = millis;
        this.finalWeight = finalWeight;
    }

    @Override
    public void show(StudySnapshot study) {
        String line = ProgressLine.render(study, finalWeight);
        String withoutClock = line.replaceFirst("^\\[[^]]*] ", "").replaceFirst(", ~[^,|]* left", "");
        long now = millis.getAsLong();
        if (!withoutClock.equals(lastShown) || now - lastShownAt >= AT_LEAST_EVERY.toMillis()) {
            say.accept(line);
            lastShown = withoutClock;
            lastShownAt = now;
        }
    }

    @Override
    public void close() {
        // Every line is out already.
    }

    @Override
    public Duration pollEvery() {
        return POLL_EVERY;
    }
}
