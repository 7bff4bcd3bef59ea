package io.vixlab.modelstore;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.util.Optional;

/**
 * Where final models go: one knob, {@code vixlab.model-store.location}, a directory or
 * {@code s3://<bucket>[/<prefix>]}. Credentials for S3 come from the AWS SDK's default chain
 * ({@code AWS_ACCESS_KEY_ID} / {@code AWS_SECRET_ACCESS_KEY}, a web identity token, ...).
 */
@ConfigMapping(prefix = "vixlab.model-store")
public interface ModelStoreConfig {

    /** A directory (local runs) or {@code s3://<bucket>[/<prefix>]} (the cluster: models outlive pods). */
    @WithDefault("${vixlab.data-dir}/models")
    String location();

    /** Settings used only when the location is a bucket. */
    S3 s3();

    interface S3 {

        /** An S3-compatible server's URL (MinIO, Ceph, GCS interoperability); unset for AWS S3. */
        Optional<URI> endpoint();

        @WithDefault("us-east-1")
        String region();
    }
}
