package io.vixlab.modelstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/** The store on a real S3-compatible server (S3Proxy), through the same client settings as in production. */
class S3ModelStoreTest extends ModelStoreContract {

    private static final String BUCKET = "vixlab-models";
    private static S3ProxyServer server;
    private static S3Client s3;
    private static int stores;

    private ModelStoreLocation.Bucket location;
    private S3ModelStore store;

    @BeforeAll
    static void startServer() {
        server = S3ProxyServer.start();
        server.createBucket(BUCKET);
        s3 = server.client();
    }

    @AfterAll
    static void stopServer() {
        s3.close();
        server.close();
    }

    /** Each test its own prefix in the one bucket: the stores start empty. */
    @BeforeEach
    void openStore() {
        location = (ModelStoreLocation.Bucket) ModelStoreLocation.parse("s3://" + BUCKET + "/runs/" + ++stores + "/models/");
        store = S3ModelStore.connect(location, Optional.of(server.endpoint()), S3ProxyServer.REGION,
                server.credentials());
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Override
    ModelStore store() {
        return store;
    }

    @Override
    URI expectedUri(ModelKey key) {
        return URI.create("s3://" + BUCKET + "/runs/" + stores + "/models/" + key.study() + "/" + key.model());
    }

    @Override
    void leaveObject(ModelKey key, String name, byte[] content) {
        s3.putObject(r -> r.bucket(BUCKET).key(objectKey(key, name)), RequestBody.fromBytes(content));
    }

    @Override
    List<URI> foreignUris() {
        String root = "s3://" + BUCKET + "/runs/" + stores + "/models/";
        return List.of(URI.create(root + "study-1/../../x"), URI.create(root + "study-1"),
                URI.create("s3://other-bucket/runs/" + stores + "/models/study-1/Basic_CNN_LSTM-final-1"),
                URI.create("s3://" + BUCKET + "/runs/" + stores + "/study-1/Basic_CNN_LSTM-final-1"),
                URI.create("models:/study-1/Basic_CNN_LSTM-final-1"));
    }

    @Test
    void filesAreObjectsUnderThePrefixWithTheMetadataBeside() throws Exception {
        ModelKey key = ModelKey.of("study-1", "Basic_CNN_LSTM", "final-1");

        store.put(key, savedModel("saved_model.pb", "variables/variables.index"), METADATA);

        assertThat(s3.listObjectsV2(r -> r.bucket(BUCKET).prefix("runs/" + stores + "/")).contents())
                .extracting(o -> o.key())
                .containsExactly(objectKey(key, "saved_model.pb"), objectKey(key, "variables/variables.index"),
                        objectKey(key, ModelStore.METADATA_FILE));
    }

    @Test
    void aMissingBucketIsAStartupErrorNamingIt() {
        ModelStoreLocation.Bucket missing = (ModelStoreLocation.Bucket) ModelStoreLocation.parse("s3://no-such-bucket/models");

        assertThatThrownBy(() -> S3ModelStore.connect(missing, Optional.of(server.endpoint()), S3ProxyServer.REGION,
                server.credentials()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("the model store's bucket 'no-such-bucket' does not exist (s3://no-such-bucket/models)");
    }

    private static String objectKey(ModelKey key, String name) {
        return "runs/" + stores + "/models/" + key.path() + "/" + name;
    }
}
