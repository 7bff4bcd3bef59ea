package io.vixlab.modelstore;

import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Models in an S3-compatible bucket (AWS S3, MinIO, Ceph, GCS's interoperability API): one object
 * per file, {@code <prefix>/<study>/<model>/<file>}, the metadata as {@value ModelStore#METADATA_FILE}
 * beside them. Artifact URIs are {@code s3://<bucket>/<prefix>/<study>/<model>}. Files are put one
 * by one and stale ones deleted one by one: batch deletion is not on every S3-compatible server.
 */
public final class S3ModelStore extends ObjectModelStore {

    private final S3Client s3;
    private final ModelStoreLocation.Bucket bucket;

    /**
     * A store on an existing bucket.
     *
     * @throws IllegalStateException if the bucket does not exist or cannot be reached, naming it
     */
    public S3ModelStore(S3Client s3, ModelStoreLocation.Bucket bucket) {
        super(bucket.uri());
        this.s3 = s3;
        this.bucket = bucket;
        try {
            s3.headBucket(b -> b.bucket(bucket.name()));
        } catch (NoSuchBucketException e) {
            throw new IllegalStateException("the model store's bucket '" + bucket.name() + "' does not exist ("
                    + bucket.uri() + "); vixlab does not create it: create it, or point vixlab.model-store.location "
                    + "at an existing one", e);
        } catch (SdkException e) {
            throw new IllegalStateException("the model store's bucket '" + bucket.name() + "' cannot be reached ("
                    + bucket.uri() + "): " + e.getMessage(), e);
        }
    }

    /**
     * A store on an existing bucket through a client of its own ({@link #client}), closed with the store.
     *
     * @throws IllegalStateException if the bucket does not exist or cannot be reached, naming it
     */
    public static S3ModelStore connect(ModelStoreLocation.Bucket bucket, Optional<URI> endpoint, String region,
            AwsCredentialsProvider credentials) {
        S3Client s3 = client(endpoint, region, credentials);
        try {
            return new S3ModelStore(s3, bucket);
        } catch (RuntimeException e) {
            s3.close();
            throw e;
        }
    }

    /**
     * An S3 client on the JDK's HTTP client.
     *
     * @param endpoint an S3-compatible server's URL (MinIO, Ceph, GCS interoperability): addressed
     *     path-style, and sent checksums only where S3 requires them (the SDK's default trailing
     *     checksums are refused by several such servers); empty for AWS S3
     */
    public static S3Client client(Optional<URI> endpoint, String region, AwsCredentialsProvider credentials) {
        S3ClientBuilder builder = S3Client.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .region(Region.of(region))
                .credentialsProvider(credentials);
        endpoint.ifPresent(url -> builder.endpointOverride(url)
                .forcePathStyle(true)
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED));
        return builder.build();
    }

    @Override
    List<String> objectNames(ModelKey key) {
        String prefix = objectKey(key, "");
        return s3.listObjectsV2Paginator(r -> r.bucket(bucket.name()).prefix(prefix)).contents().stream()
                .map(S3Object::key)
                .map(k -> k.substring(prefix.length()))
                .sorted()
                .toList();
    }

    @Override
    boolean hasObject(ModelKey key, String name) {
        try {
            s3.headObject(r -> r.bucket(bucket.name()).key(objectKey(key, name)));
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        }
    }

    @Override
    void upload(ModelKey key, String name, Path file) {
        s3.putObject(r -> r.bucket(bucket.name()).key(objectKey(key, name)), RequestBody.fromFile(file));
    }

    @Override
    void upload(ModelKey key, String name, byte[] content) {
        s3.putObject(r -> r.bucket(bucket.name()).key(objectKey(key, name)), RequestBody.fromBytes(content));
    }

    @Override
    void delete(ModelKey key, String name) {
        s3.deleteObject(r -> r.bucket(bucket.name()).key(objectKey(key, name)));
    }

    @Override
    InputStream open(ModelKey key, String name) {
        return s3.getObject(r -> r.bucket(bucket.name()).key(objectKey(key, name)));
    }

    @Override
    public void close() {
        s3.close();
    }

    private String objectKey(ModelKey key, String name) {
        return bucket.objectPrefix() + key.path() + "/" + name;
    }
}
