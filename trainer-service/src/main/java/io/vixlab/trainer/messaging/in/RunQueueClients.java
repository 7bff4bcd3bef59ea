package io.vixlab.trainer.messaging.in;

import io.vixlab.contracts.Topics;
import io.vixlab.queue.AnsweredRuns;
import io.vixlab.queue.RunQueue;
import io.vixlab.trainer.config.TrainerConfig;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The work queue's settings from the trainer's configuration, and the view of answered runs. */
@Singleton
public class RunQueueClients {

    @Produces
    @Singleton
    RunQueue.Settings settings(TrainerConfig config,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        TrainerConfig.Queue queue = config.queue();
        return new RunQueue.Settings(bootstrapServers, queue.group(),
                // Finals first: few, and the end of a study waits on them; trials must not starve them.
                List.of(Topics.TRAINING_FINALS, Topics.TUNING_TRIALS), queue.lockDuration(), queue.renewEvery(),
                queue.deliveryLimit(), Map.of());
    }

    @Produces
    @Singleton
    AnsweredRuns answeredRuns(RunQueue.Settings settings, TrainerConfig config) {
        return AnsweredRuns.start(settings, config.trainerName());
    }

    void close(@Disposes AnsweredRuns answeredRuns) {
        answeredRuns.close();
    }
}
