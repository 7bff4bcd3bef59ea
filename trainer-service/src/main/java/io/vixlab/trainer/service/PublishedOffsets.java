package io.vixlab.trainer.service;

import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.TopicPartition;

/** Where the features topics end now: what a trainer must have read to know every published dataset. */
@FunctionalInterface
public interface PublishedOffsets {

    /**
     * The end offset of each partition of {@code features.datasets} and {@code features.windows}
     * that holds records; empty when the broker did not tell in time.
     */
    Optional<Map<TopicPartition, Long>> ends();
}
