package io.vixlab.modelstore;

import java.net.URI;
import java.util.Optional;
import org.gaul.s3proxy.junit.S3ProxyJunitCore;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A real S3-compatible server in this JVM: S3Proxy on a free loopback port over its in-memory blob
 * store, with SigV4 credentials. Shared with the services' tests through the test-jar; jclouds
 * needs Guice 7 first on the class path (a service's test classpath may carry Maven's Guice 5).
 */
public final class S3ProxyServer implements AutoCloseable {

    public static final String ACCESS_KEY = "vixlab-test-access";
    public static final String SECRET_KEY = "vixlab-test-secret";
    public static final String REGION = "us-east-1";

    private final S3ProxyJunitCore proxy;

    private S3ProxyServer(S3ProxyJunitCore proxy) {
        this.proxy = proxy;
    }

    /** Starts a server and returns once it serves. */
    public static S3ProxyServer start() {
        S3ProxyJunitCore proxy = new S3ProxyJunitCore.Builder()
                .withCredentials(ACCESS_KEY, SECRET_KEY)
                .withBlobStoreProvider("transient-nio2")
                .build();
        try {
            proxy.beforeEach();
        } catch (Exception e) {
            throw new IllegalStateException("S3Proxy did not start", e);
        }
        return new S3ProxyServer(proxy);
    }

    public URI endpoint() {
        return proxy.getUri();
    }

    public AwsCredentialsProvider credentials() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY));
    }

    /** A client as the store makes one for an S3-compatible endpoint; the caller closes it. */
    public S3Client client() {
        return S3ModelStore.client(Optional.of(endpoint()), REGION, credentials());
    }

    /** Creates a bucket: vixlab never does, the operator (here the test) does. */
    public void createBucket(String name) {
        try (S3Client s3 = client()) {
            s3.createBucket(b -> b.bucket(name));
        }
    }

    @Override
    public void close() {
        proxy.afterEach();
    }
}
