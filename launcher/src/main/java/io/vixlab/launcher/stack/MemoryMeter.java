package io.vixlab.launcher.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The resident memory of the stack's processes, summed (Linux {@code /proc/<pid>/status} VmRSS),
 * sampled every few seconds on a daemon thread; remembers the peak. Elsewhere it measures 0.
 */
public final class MemoryMeter implements AutoCloseable {

    private final AtomicLong peakKb = new AtomicLong();
    private final Thread sampler;
    private volatile boolean running = true;

    public MemoryMeter(Supplier<List<Long>> pids, long everyMillis) {
        sampler = new Thread(() -> {
            while (running) {
                sample(pids.get());
                try {
                    Thread.sleep(everyMillis);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "memory-meter");
        sampler.setDaemon(true);
        sampler.start();
    }

    /** Sums the current RSS of the given processes, in KiB, and updates the peak. */
    public long sample(List<Long> pids) {
        long sum = 0;
        for (long pid : pids) {
            sum += rssKb(pid);
        }
        peakKb.accumulateAndGet(sum, Math::max);
        return sum;
    }

    public long peakMb() {
        return peakKb.get() / 1024;
    }

    static long rssKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            // gone, or not Linux
        }
        return 0;
    }

    @Override
    public void close() {
        running = false;
        sampler.interrupt();
    }
}
