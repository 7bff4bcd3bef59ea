package io.vixlab.trainer.service;

import io.quarkus.runtime.StartupEvent;
import io.vixlab.contracts.search.Architecture;
import io.vixlab.trainer.config.TrainerConfig;
import io.vixlab.trainer.model.CnnLstmModel;
import io.vixlab.trainer.training.TrainingBenchmark;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Set;
import org.jboss.logging.Logger;
import org.tensorflow.TensorFlow;
import org.tensorflow.types.TFloat32;

/**
 * Finds and logs, at startup, the devices TensorFlow runs a model on: on a GPU node a CPU-only line means
 * the pod was built without {@code -Pgpu} or cannot see the GPU. Also loads the native library
 * before the first trial arrives.
 */
@ApplicationScoped
public class TensorFlowDevices {

    private static final Logger LOG = Logger.getLogger(TensorFlowDevices.class);

    private volatile Set<String> devices = Set.of();

    /** The devices found at startup, e.g. {@code /job:localhost/replica:0/task:0/device:GPU:0}. */
    public Set<String> devices() {
        return devices;
    }

    void logOnStartup(@Observes StartupEvent startup, TrainerConfig config) {
        Architecture probe = Architecture.BASIC_CNN_LSTM;
        try (CnnLstmModel<TFloat32> model = CnnLstmModel.build(probe, TrainingBenchmark.midParams(probe),
                TrainingBenchmark.STEPS, TrainingBenchmark.FEATURES)) {
            model.initialize(0);
            devices = model.devices();
            LOG.infof("trainer %s: TensorFlow %s runs models on %s", config.trainerName(), TensorFlow.version(), devices);
        }
    }
}
