package io.vixlab.report.api;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vixlab.modelstore.S3ModelStoreResource;
import io.vixlab.testing.KafkaTestResource;

/** Downloads from an S3 bucket on a real S3-compatible server (S3Proxy), as in the cluster. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(value = S3ModelStoreResource.class, restrictToAnnotatedClass = true)
class ModelDownloadFromS3Test extends ModelDownloadContract {

    @Override
    String storeUriPrefix() {
        return S3ModelStoreResource.LOCATION + "/";
    }
}
