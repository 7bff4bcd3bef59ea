package io.vixlab.trainer.config;

import io.smallrye.config.ConfigMapping;
import java.util.OptionalInt;

/**
 * How many threads TensorFlow may use. Unset, they follow the CPUs this trainer has
 * ({@link io.vixlab.trainer.model.CpuBudget}); {@code ./vixlab run --trainers N} gives each trainer
 * its share of the machine's cores.
 */
@ConfigMapping(prefix = "vixlab.trainer.threads")
public interface TrainerThreadsConfig {

    /** Threads one op may use; unset: the CPUs of the cgroup's quota, else the available processors. */
    OptionalInt intraOp();

    /** Ops that may run at once; unset: 2, or 1 when intra-op is 1. */
    OptionalInt interOp();
}
