package io.vixlab.modelstore;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/** Model files for tests: SavedModel-like directories of random bytes, and what a model's zip holds. */
public final class ModelFiles {

    private ModelFiles() {
    }

    /** A new directory under {@code parent} with the given files (relative paths) of random bytes, up to 200 KB each. */
    public static Path savedModel(Path parent, Random random, String... files) throws IOException {
        Path directory = Files.createTempDirectory(parent, "saved-model");
        for (String file : files) {
            Path path = directory.resolve(file);
            Files.createDirectories(path.getParent());
            byte[] content = new byte[random.nextInt(200_000) + 1];
            random.nextBytes(content);
            Files.write(path, content);
        }
        return directory;
    }

    /** A zip archive's entries, by name in the archive's order. */
    public static Map<String, byte[]> unzip(byte[] archive) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(archive))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                entries.put(entry.getName(), zip.readAllBytes());
            }
        }
        return entries;
    }

    /** Unpacks a zip archive into a directory; an entry that would land outside it fails. */
    public static void unzip(byte[] archive, Path directory) throws IOException {
        for (Map.Entry<String, byte[]> entry : unzip(archive).entrySet()) {
            Path file = directory.resolve(entry.getKey()).normalize();
            if (!file.startsWith(directory)) {
                throw new IOException("zip entry outside the directory: " + entry.getKey());
            }
            Files.createDirectories(file.getParent());
            Files.write(file, entry.getValue());
        }
    }
}
