package io.vixlab.modelstore;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * A bucket on a real S3-compatible server (S3Proxy) as a service's model store, for a
 * {@code @QuarkusTest}: {@code vixlab.model-store.location=s3://vixlab-models/models} on the
 * server's endpoint, credentials through the AWS SDK's default chain (its system properties), as
 * in the cluster where they come from the environment.
 */
public class S3ModelStoreResource implements QuarkusTestResourceLifecycleManager {

    public static final String BUCKET = "vixlab-models";
    public static final String PREFIX = "models";
    public static final String LOCATION = "s3://" + BUCKET + "/" + PREFIX;

    private static S3ProxyServer server;

    @Override
    public synchronized Map<String, String> start() {
        server = S3ProxyServer.start();
        server.createBucket(BUCKET);
        System.setProperty("aws.accessKeyId", S3ProxyServer.ACCESS_KEY);
        System.setProperty("aws.secretAccessKey", S3ProxyServer.SECRET_KEY);
        return Map.of("vixlab.model-store.location", LOCATION,
                "vixlab.model-store.s3.endpoint", server.endpoint().toString(),
                "vixlab.model-store.s3.region", S3ProxyServer.REGION);
    }

    /** The running server, to look into the bucket past the store. */
    public static synchronized S3ProxyServer server() {
        if (server == null) {
            throw new IllegalStateException("the S3 model store test resource has not started");
        }
        return server;
    }

    @Override
    public synchronized void stop() {
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
        server.close();
        server = null;
    }
}
