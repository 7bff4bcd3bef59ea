package io.vixlab.modelstore;

import io.vixlab.contracts.EventJson;
import io.vixlab.contracts.MessageLimits;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A model store over named objects, files in a directory or objects in a bucket: one way to put,
 * find, list and zip models, on the few operations each kind of storage does its own way. Objects
 * are named relative to their model ({@code saved_model.pb}, {@code variables/variables.index}).
 */
abstract class ObjectModelStore implements ModelStore {

    private final URI root;
    /** The root as a prefix of artifact URIs: {@code models:/}, {@code s3://bucket/prefix/}. */
    private final String uriPrefix;

    ObjectModelStore(URI root) {
        this.root = root;
        this.uriPrefix = root.toString().endsWith("/") ? root.toString() : root + "/";
    }

    /** The names of every object under the key, complete model or not, sorted. */
    abstract List<String> objectNames(ModelKey key) throws IOException;

    abstract boolean hasObject(ModelKey key, String name) throws IOException;

    abstract void upload(ModelKey key, String name, Path file) throws IOException;

    abstract void upload(ModelKey key, String name, byte[] content) throws IOException;

    abstract void delete(ModelKey key, String name) throws IOException;

    abstract InputStream open(ModelKey key, String name) throws IOException;

    @Override
    public final URI put(ModelKey key, Path savedModel, ModelMetadata metadata) throws IOException {
        List<String> files = savedModelFiles(savedModel);
        byte[] json = EventJson.writeBytes(metadata);
        // The metadata marks a complete model: gone while the files change, written once they are right.
        delete(key, METADATA_FILE);
        for (String file : files) {
            upload(key, file, savedModel.resolve(file));
        }
        for (String stale : objectNames(key)) {
            if (!files.contains(stale)) {
                delete(key, stale);
            }
        }
        upload(key, METADATA_FILE, json);
        return uri(key);
    }

    @Override
    public final boolean exists(ModelKey key) throws IOException {
        return hasObject(key, METADATA_FILE);
    }

    @Override
    public final List<String> files(ModelKey key) throws IOException {
        if (!exists(key)) {
            throw new ModelNotFoundException(uri(key));
        }
        return objectNames(key);
    }

    @Override
    public final void writeZip(ModelKey key, OutputStream out) throws IOException {
        List<String> names = files(key);
        ZipOutputStream zip = new ZipOutputStream(out);
        for (String name : names) {
            zip.putNextEntry(new ZipEntry(key.model() + "/" + name));
            try (InputStream in = open(key, name)) {
                in.transferTo(zip);
            }
            zip.closeEntry();
        }
        // finish, not close: the caller owns the stream (an HTTP response, a file).
        zip.finish();
    }

    @Override
    public final URI uri(ModelKey key) {
        return URI.create(uriPrefix + key.path());
    }

    @Override
    public final ModelKey key(URI artifactUri) {
        String uri = artifactUri.toString();
        if (!uri.startsWith(uriPrefix)) {
            throw new IllegalArgumentException(outside(uri));
        }
        try {
            return ModelKey.parse(uri.substring(uriPrefix.length()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(outside(uri) + ": " + e.getMessage(), e);
        }
    }

    @Override
    public final URI root() {
        return root;
    }

    private String outside(String uri) {
        return "'" + MessageLimits.quoted(uri) + "' is not a model of the model store at " + root;
    }

    /** The directory's regular files as object names; links and the metadata's name are refused. */
    private static List<String> savedModelFiles(Path savedModel) throws IOException {
        if (!Files.isDirectory(savedModel, LinkOption.NOFOLLOW_LINKS)) {
            throw new IllegalArgumentException("not a SavedModel directory: " + savedModel);
        }
        try (Stream<Path> paths = Files.walk(savedModel)) {
            List<Path> entries = paths.filter(p -> !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)).toList();
            for (Path entry : entries) {
                if (!Files.isRegularFile(entry, LinkOption.NOFOLLOW_LINKS)) {
                    throw new IllegalArgumentException("a SavedModel directory holds files only, not " + entry);
                }
            }
            List<String> names = entries.stream()
                    .map(p -> savedModel.relativize(p).toString().replace(p.getFileSystem().getSeparator(), "/"))
                    .sorted()
                    .toList();
            if (names.contains(METADATA_FILE)) {
                throw new IllegalArgumentException("a SavedModel directory must not hold " + METADATA_FILE
                        + ", the store's own metadata: " + savedModel);
            }
            if (names.isEmpty()) {
                throw new IllegalArgumentException("the SavedModel directory is empty: " + savedModel);
            }
            return names;
        }
    }
}
