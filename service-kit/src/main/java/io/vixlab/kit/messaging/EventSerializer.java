package io.vixlab.kit.messaging;

import io.vixlab.contracts.EventJson;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes any contract event as {@link EventJson} writes it, so that every producer puts the same
 * bytes on a topic. Configured as {@code value.serializer} of outgoing channels.
 */
public class EventSerializer implements Serializer<Object> {

    @Override
    public byte[] serialize(String topic, Object event) {
        return event == null ? null : EventJson.writeBytes(event);
    }
}
