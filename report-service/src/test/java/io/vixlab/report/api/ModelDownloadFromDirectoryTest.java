package io.vixlab.report.api;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vixlab.testing.KafkaTestResource;

/** Downloads from a directory (the local runs' store; the test profile's is under target/). */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class ModelDownloadFromDirectoryTest extends ModelDownloadContract {

    @Override
    String storeUriPrefix() {
        return "models:/";
    }
}
