package io.vixlab.modelstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ModelStoreLocationTest {

    @Test
    void aPathIsADirectory() {
        assertThat(ModelStoreLocation.parse(".vixlab/models"))
                .isEqualTo(new ModelStoreLocation.Directory(Path.of(".vixlab/models")));
    }

    @ParameterizedTest(name = "{0} -> bucket {1}, prefix ''{2}''")
    @CsvSource(value = {
            "s3://vixlab-models, vixlab-models, '', s3://vixlab-models",
            "s3://vixlab-models/, vixlab-models, '', s3://vixlab-models",
            "s3://vixlab.models/prod/models/, vixlab.models, prod/models, s3://vixlab.models/prod/models",
    })
    void anS3UriIsABucketWithAnOptionalPrefix(String location, String bucket, String prefix, String uri) {
        ModelStoreLocation.Bucket parsed = (ModelStoreLocation.Bucket) ModelStoreLocation.parse(location);

        assertThat(parsed).isEqualTo(new ModelStoreLocation.Bucket(bucket, prefix));
        assertThat(parsed.uri()).isEqualTo(URI.create(uri));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(value = {
            "'  ', is empty",
            "gs://vixlab-models, is neither a directory nor s3://",
            "s3://Vixlab_Models, is not a bucket name",
            "s3://ab, is not a bucket name",
            "s3://, is not a bucket name",
            "s3://vixlab-models/a/../b, the prefix must be",
            "s3://vixlab-models/a//b, the prefix must be",
            "s3://vixlab-models/a b, the prefix must be",
    })
    void aBadLocationIsRefusedSayingWhatIsWrong(String location, String problem) {
        assertThatThrownBy(() -> ModelStoreLocation.parse(location))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("vixlab.model-store.location '")
                .hasMessageContaining(problem);
    }
}
