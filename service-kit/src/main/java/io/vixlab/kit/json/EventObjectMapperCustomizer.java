package io.vixlab.kit.json;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;
import io.vixlab.contracts.EventJson;
import jakarta.inject.Singleton;

/** REST bodies use the same JSON conventions as the events on the topics. */
@Singleton
public class EventObjectMapperCustomizer implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        EventJson.configure(mapper);
    }
}
