package io.vixlab.ingest.source;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * One history file, or every {@code *.csv} file of a directory. The symbol comes from the file name:
 * {@code VIX_History.csv}, {@code vix.csv} and {@code ^VIX.csv} all hold {@code VIX}.
 */
public final class LocalFileSource implements BarSource {

    private static final String CSV = ".csv";
    private static final String HISTORY_SUFFIX = "_history";

    private final Path path;

    public LocalFileSource(Path path) {
        this.path = path.toAbsolutePath().normalize();
    }

    @Override
    public String name() {
        return "file:" + path;
    }

    @Override
    public List<SourceFile> fetch() {
        List<Path> files = Files.isDirectory(path) ? csvFilesIn(path) : List.of(path);
        return files.stream().map(LocalFileSource::read).toList();
    }

    /** The symbol a file holds, from its name: extension, a {@code _History} suffix and non-alphanumerics dropped. */
    static String symbolOf(Path file) {
        String base = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (base.endsWith(CSV)) {
            base = base.substring(0, base.length() - CSV.length());
        }
        if (base.endsWith(HISTORY_SUFFIX)) {
            base = base.substring(0, base.length() - HISTORY_SUFFIX.length());
        }
        String symbol = base.replaceAll("[^a-z0-9]", "").toUpperCase(Locale.ROOT);
        if (symbol.isEmpty()) {
            throw new SourceUnavailableException(file + ": cannot tell the symbol from the file name");
        }
        return symbol;
    }

    private static List<Path> csvFilesIn(Path directory) {
        try (Stream<Path> entries = Files.list(directory)) {
            List<Path> files = entries
                    .filter(Files::isRegularFile)
                    .filter(file -> file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(CSV))
                    .sorted()
                    .toList();
            if (files.isEmpty()) {
                throw new SourceUnavailableException(directory + ": no .csv files");
            }
            return files;
        } catch (IOException e) {
            throw new SourceUnavailableException(directory + ": " + e.getMessage(), e);
        }
    }

    private static SourceFile read(Path file) {
        try {
            return new SourceFile(symbolOf(file), file.toString(), Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new SourceUnavailableException(file + ": cannot be read (" + e + ")", e);
        }
    }
}
