package io.vixlab.trainer.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How many threads TensorFlow may use in this process. TensorFlow sizes its pools by the cores it may
 * be scheduled on, not by a container's CPU quota: a trainer limited to 2 CPUs on a 64-core node would
 * run pools of 64 threads and lose its quota to throttling. Explicit counts win; otherwise the intra-op
 * pool gets the CPUs of the cgroup's quota (rounded up) unless the available processors are fewer,
 * else the available processors.
 *
 * @param intraOp threads one op may use (TensorFlow's intra-op pool)
 * @param interOp ops that may run at once (the inter-op pool)
 * @param basis   where the intra-op count comes from, for the startup log
 */
public record CpuBudget(int intraOp, int interOp, String basis) {

    /** Where a container sees its own cgroup. */
    public static final Path CGROUP_ROOT = Path.of("/sys/fs/cgroup");

    /**
     * Inter-op threads unless given: independent ops (a bidirectional LSTM's two directions, the
     * multiscale branches) run side by side, while the intra-op pool does the heavy work.
     */
    static final int DEFAULT_INTER_OP = 2;

    /** cgroup v2 {@code cpu.max}: {@code "<quota> <period>"}, or {@code "max <period>"} without a quota. */
    private static final Pattern CPU_MAX = Pattern.compile("(max|\\d+)\\s+(\\d+)");
    private static final Pattern NUMBER = Pattern.compile("-?\\d+");

    public CpuBudget {
        if (intraOp < 1 || interOp < 1) {
            throw new IllegalArgumentException("TensorFlow needs at least one intra-op and one inter-op thread, got "
                    + intraOp + " and " + interOp);
        }
    }

    /**
     * @param intraOp             the configured intra-op count, if any
     * @param interOp             the configured inter-op count, if any; else 2, or 1 with one intra-op thread
     * @param cgroupRoot          where to read the cgroup's CPU quota ({@link #CGROUP_ROOT})
     * @param availableProcessors the JVM's count
     */
    public static CpuBudget decide(OptionalInt intraOp, OptionalInt interOp, Path cgroupRoot, int availableProcessors) {
        if (intraOp.isPresent()) {
            return withInterOp(intraOp.getAsInt(), interOp, "configured");
        }
        OptionalInt quota = cgroupCpuQuota(cgroupRoot);
        if (quota.isPresent() && quota.getAsInt() <= availableProcessors) {
            return withInterOp(quota.getAsInt(), interOp, "cgroup CPU quota");
        }
        return withInterOp(availableProcessors, interOp, "available processors");
    }

    private static CpuBudget withInterOp(int intraOp, OptionalInt interOp, String basis) {
        return new CpuBudget(intraOp, interOp.orElse(Math.min(DEFAULT_INTER_OP, intraOp)), basis);
    }

    /**
     * The CPUs the cgroup's quota allows, rounded up: cgroup v2's {@code cpu.max}, else cgroup v1's
     * {@code cpu/cpu.cfs_quota_us} over {@code cpu/cpu.cfs_period_us}. Empty without a quota.
     */
    static OptionalInt cgroupCpuQuota(Path cgroupRoot) {
        Optional<String> cpuMax = read(cgroupRoot.resolve("cpu.max"));
        if (cpuMax.isPresent()) {
            Matcher m = CPU_MAX.matcher(cpuMax.get());
            return m.matches() && !m.group(1).equals("max")
                    ? cpus(Long.parseLong(m.group(1)), Long.parseLong(m.group(2))) : OptionalInt.empty();
        }
        Optional<String> quota = read(cgroupRoot.resolve("cpu/cpu.cfs_quota_us"));
        Optional<String> period = read(cgroupRoot.resolve("cpu/cpu.cfs_period_us"));
        if (quota.isPresent() && period.isPresent()
                && NUMBER.matcher(quota.get()).matches() && NUMBER.matcher(period.get()).matches()) {
            return cpus(Long.parseLong(quota.get()), Long.parseLong(period.get())); // quota -1: none
        }
        return OptionalInt.empty();
    }

    private static OptionalInt cpus(long quota, long period) {
        if (quota <= 0 || period <= 0) {
            return OptionalInt.empty();
        }
        return OptionalInt.of((int) Math.min(Integer.MAX_VALUE, (quota + period - 1) / period));
    }

    private static Optional<String> read(Path file) {
        try {
            return Optional.of(Files.readString(file).trim());
        } catch (IOException e) {
            return Optional.empty(); // absent (no such cgroup version) or unreadable: no quota from here
        }
    }
}
