package io.vixlab.modelstore;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import jakarta.interceptor.Interceptor;
import java.io.IOException;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;

/**
 * The service's model store, as {@link ModelStoreConfig} locates it. Made at startup, before the
 * application's own startup work (consumers, the run queue), so that a missing bucket stops the
 * service at once with a message naming it, not at the first final.
 */
@Singleton
public class ModelStoreProducer {

    @Produces
    @Singleton
    @Startup(Interceptor.Priority.LIBRARY_BEFORE)
    ModelStore modelStore(ModelStoreConfig config) {
        ModelStoreLocation location = ModelStoreLocation.parse(config.location());
        if (location instanceof ModelStoreLocation.Bucket bucket) {
            return S3ModelStore.connect(bucket, config.s3().endpoint(), config.s3().region(),
                    DefaultCredentialsProvider.builder().build());
        }
        return new FileModelStore(((ModelStoreLocation.Directory) location).path());
    }

    void close(@Disposes ModelStore store) throws IOException {
        store.close();
    }
}
