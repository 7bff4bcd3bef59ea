package io.vixlab.features.service;

import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.TopicPartition;

/**
 * How far this service has read {@code market.bars}. data-ingest has every bar of a run acknowledged before it
 * sends the run's update, so once the records before the topic's end offsets at the update's arrival are all
 * handled (stored, deleted or dead-lettered), no bar of that update is still to come: a copy that then still
 * differs from the update's checksum will never match it, and waiting longer is pointless. Told by the consumer
 * (messaging.in), so that the scheduler need not know it.
 */
public interface BarsReadPosition {

    /** The end offsets of the partitions this service reads now; empty when they cannot be told (none assigned yet). */
    Optional<Map<TopicPartition, Long>> endOffsetsNow();

    /** Whether every record before {@code ends} is handled, by this run of the service or (committed) an earlier one. */
    boolean reached(Map<TopicPartition, Long> ends);
}
