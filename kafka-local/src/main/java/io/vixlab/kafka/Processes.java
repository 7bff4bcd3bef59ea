package io.vixlab.kafka;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Stopping the child JVMs vixlab starts locally (the broker, the services). */
public final class Processes {

    private Processes() {
    }

    /**
     * Sends SIGTERM so the process shuts down cleanly (a broker flushes its log, a service leaves its
     * consumer groups), and kills it only if it has not exited within {@code grace}.
     */
    public static void stopGracefully(Process process, Duration grace) {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
