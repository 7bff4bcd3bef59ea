package io.vixlab.trainer.service;

import io.quarkus.runtime.StartupEvent;
import io.vixlab.trainer.config.TrainerConfig;
import io.vixlab.trainer.config.TrainerThreadsConfig;
import io.vixlab.trainer.model.CnnLstmModel;
import io.vixlab.trainer.model.CpuBudget;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import org.jboss.logging.Logger;

/**
 * Sizes TensorFlow's thread pools to this trainer's CPU budget at startup. It runs before the
 * messaging connectors start (they start at {@code LIBRARY_BEFORE}) and before the device probe, so
 * that the first session, which fixes TensorFlow's pools, already has the budget.
 */
@ApplicationScoped
public class TensorFlowThreads {

    private static final Logger LOG = Logger.getLogger(TensorFlowThreads.class);

    void sizeOnStartup(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent startup,
                       TrainerThreadsConfig threads, TrainerConfig config) {
        CpuBudget budget = CpuBudget.decide(threads.intraOp(), threads.interOp(), CpuBudget.CGROUP_ROOT,
                Runtime.getRuntime().availableProcessors());
        CnnLstmModel.useThreads(budget);
        LOG.infof("trainer %s: TensorFlow thread pools: %d intra-op (%s), %d inter-op", config.trainerName(),
                budget.intraOp(), budget.basis(), budget.interOp());
    }
}
