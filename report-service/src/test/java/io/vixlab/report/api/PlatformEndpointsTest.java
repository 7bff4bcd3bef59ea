package io.vixlab.report.api;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vixlab.testing.KafkaTestResource;
import io.vixlab.testing.PlatformEndpointsContract;

@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class PlatformEndpointsTest extends PlatformEndpointsContract {

    @Override
    protected String serviceName() {
        return "report-service";
    }
}
