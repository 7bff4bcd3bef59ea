package io.vixlab.modelstore;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

/**
 * Models in a directory: {@code <root>/<study>/<model>/}, for local runs and tests. Artifact URIs
 * are {@code models:/<study>/<model>}, relative to the store, so that no server path leaves the
 * service. A pod's directory goes with the pod: the cluster uses {@link S3ModelStore}.
 */
public final class FileModelStore extends ObjectModelStore {

    public static final URI ROOT = URI.create("models:/");

    private final Path directory;

    /** The directory need not exist yet: the first put creates it. */
    public FileModelStore(Path directory) {
        super(ROOT);
        this.directory = directory.toAbsolutePath().normalize();
    }

    @Override
    List<String> objectNames(ModelKey key) throws IOException {
        Path model = model(key);
        if (!Files.isDirectory(model, LinkOption.NOFOLLOW_LINKS)) {
            return List.of();
        }
        try (Stream<Path> paths = Files.walk(model)) {
            return paths.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                    .map(p -> model.relativize(p).toString().replace(p.getFileSystem().getSeparator(), "/"))
                    .sorted()
                    .toList();
        }
    }

    @Override
    boolean hasObject(ModelKey key, String name) {
        return Files.isRegularFile(model(key).resolve(name), LinkOption.NOFOLLOW_LINKS);
    }

    @Override
    void upload(ModelKey key, String name, Path file) throws IOException {
        Path target = model(key).resolve(name);
        Files.createDirectories(target.getParent());
        Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
    }

    /** Written beside and moved into place, so that a crash never leaves half a file under the name. */
    @Override
    void upload(ModelKey key, String name, byte[] content) throws IOException {
        Path target = model(key).resolve(name);
        Files.createDirectories(target.getParent());
        Path partial = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".partial");
        try {
            Files.write(partial, content);
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    /** Deletes the file and the folders it leaves empty inside the model. */
    @Override
    void delete(ModelKey key, String name) throws IOException {
        Path model = model(key);
        Path file = model.resolve(name);
        Files.deleteIfExists(file);
        for (Path folder = file.getParent(); !folder.equals(model) && isEmptyDirectory(folder);
                folder = folder.getParent()) {
            Files.delete(folder);
        }
    }

    @Override
    InputStream open(ModelKey key, String name) throws IOException {
        return Files.newInputStream(model(key).resolve(name));
    }

    @Override
    public void close() {
        // nothing held open
    }

    private Path model(ModelKey key) {
        return directory.resolve(key.study()).resolve(key.model());
    }

    private static boolean isEmptyDirectory(Path folder) throws IOException {
        if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.findAny().isEmpty();
        }
    }
}
