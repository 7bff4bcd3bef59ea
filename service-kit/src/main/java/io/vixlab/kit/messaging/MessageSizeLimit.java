package io.vixlab.kit.messaging;

import io.smallrye.reactive.messaging.ClientCustomizer;
import io.vixlab.contracts.MessageLimits;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.eclipse.microprofile.config.Config;

/**
 * Every Kafka client of a channel sends messages up to {@link MessageLimits#MAX_MESSAGE_BYTES}, the
 * broker's limit too, whatever a channel's configuration says: a message one service can publish,
 * the broker takes and a dead letter can carry (consumers ignore the setting).
 */
@ApplicationScoped
public class MessageSizeLimit implements ClientCustomizer<Map<String, Object>> {

    @Override
    public Map<String, Object> customize(String channel, Config channelConfig, Map<String, Object> config) {
        config.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, String.valueOf(MessageLimits.MAX_MESSAGE_BYTES));
        return config;
    }
}
