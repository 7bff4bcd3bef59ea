package io.vixlab.modelstore;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;

/**
 * Final models (TensorFlow SavedModel directories) with their metadata, under {@link ModelKey}s, in
 * a directory ({@link FileModelStore}) or an S3-compatible bucket ({@link S3ModelStore}). A model is
 * there once complete: its metadata is written last and removed first when it is put again.
 */
public interface ModelStore extends Closeable {

    /** The metadata file beside a model's SavedModel files. */
    String METADATA_FILE = "vixlab-model.json";

    /**
     * Stores the SavedModel directory's files and the metadata under the key, replacing whatever an
     * earlier put of the same key left, complete or interrupted: putting a model again (a redelivered
     * final) leaves exactly the new files.
     *
     * @return the model's artifact URI ({@link #uri})
     * @throws IllegalArgumentException if the directory is not a SavedModel directory of its own files
     */
    URI put(ModelKey key, Path savedModel, ModelMetadata metadata) throws IOException;

    /** Whether a complete model lies under the key. */
    boolean exists(ModelKey key) throws IOException;

    /**
     * The model's files, {@code /}-separated paths relative to the model, sorted, its metadata file
     * among them.
     *
     * @throws ModelNotFoundException if no complete model lies under the key
     */
    List<String> files(ModelKey key) throws IOException;

    /**
     * Writes the model as one zip archive to {@code out} (left open): every file under a folder
     * named after the key's model segment, so that it unpacks to a SavedModel directory.
     *
     * @throws ModelNotFoundException if no complete model lies under the key (nothing is written)
     */
    void writeZip(ModelKey key, OutputStream out) throws IOException;

    /**
     * The artifact URI of a key: {@code models:/<study>/<model>} in a directory (no server path
     * leaves the service), {@code s3://<bucket>/<prefix>/<study>/<model>} in a bucket.
     */
    URI uri(ModelKey key);

    /**
     * The key of an artifact URI of this store.
     *
     * @throws IllegalArgumentException if the URI lies outside this store, naming both
     */
    ModelKey key(URI artifactUri);

    /** Where this store's models lie, as URIs say it ({@code models:/}, {@code s3://bucket/prefix}). */
    URI root();
}
