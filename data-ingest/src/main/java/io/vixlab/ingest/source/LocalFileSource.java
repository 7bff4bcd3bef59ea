package io.vixlab.ingest.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * One history file, or every {@code *.csv} file of a directory, under an import root. The symbol comes from
 * the file name: {@code VIX_History.csv}, {@code vix.csv} and {@code ^VIX.csv} all hold {@code VIX}.
 *
 * <p>Files are named relative to the root (errors and the runs that record them are shown to anyone who may
 * read runs, so they never show server paths), symbolic links are not followed (a link inside the root can
 * point anywhere), and the files of one source may hold at most the {@link SizeLimit} together.
 */
public final class LocalFileSource implements BarSource {

    private static final String CSV = ".csv";
    private static final String HISTORY_SUFFIX = "_history";

    private final Path root;
    private final Path path;
    private final SizeLimit limit;

    /** @param path a file or directory under {@code root}, already checked to stay inside it */
    public LocalFileSource(Path root, Path path, SizeLimit limit) {
        this.root = root.toAbsolutePath().normalize();
        this.path = this.root.resolve(path).normalize();
        this.limit = limit;
        if (!this.path.startsWith(this.root)) {
            throw new IllegalArgumentException("the path must lie under the root");
        }
    }

    @Override
    public String name() {
        return "file:" + shown(path);
    }

    @Override
    public List<SourceFile> fetch() {
        List<Path> files = Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS) ? csvFilesIn(path) : List.of(path);
        long total = 0;
        List<SourceFile> read = new ArrayList<>();
        for (Path file : files) {
            SourceFile content = read(file, total);
            total += content.content().getBytes(StandardCharsets.UTF_8).length;
            read.add(content);
        }
        return List.copyOf(read);
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
        return base.replaceAll("[^a-z0-9]", "").toUpperCase(Locale.ROOT);
    }

    /** How errors and runs name a path: relative to the root, {@code .} for the root itself. */
    private String shown(Path file) {
        String relative = root.relativize(file).toString();
        return relative.isEmpty() ? "." : relative;
    }

    private List<Path> csvFilesIn(Path directory) {
        try (Stream<Path> entries = Files.list(directory)) {
            List<Path> files = entries
                    .filter(file -> file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(CSV))
                    .sorted()
                    .toList();
            if (files.isEmpty()) {
                throw new SourceUnavailableException(shown(directory) + ": no .csv files");
            }
            return files;
        } catch (IOException e) {
            throw new SourceUnavailableException(shown(directory) + ": cannot be listed (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    private SourceFile read(Path file, long alreadyRead) {
        String name = shown(file);
        if (Files.isSymbolicLink(file)) {
            throw new SourceUnavailableException(name + ": a symbolic link; links are not followed");
        }
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) && Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new SourceUnavailableException(name + ": not a regular file");
        }
        String symbol = symbolOf(file);
        if (symbol.isEmpty()) {
            throw new SourceUnavailableException(name + ": cannot tell the symbol from the file name");
        }
        // NOFOLLOW_LINKS on opening too, so a link swapped in after the checks is not followed either.
        try (InputStream in = Channels.newInputStream(Files.newByteChannel(file,
                Set.of(StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)))) {
            return new SourceFile(symbol, name, limit.read(in, name, alreadyRead));
        } catch (NoSuchFileException e) {
            throw new SourceUnavailableException(name + ": no such file", e);
        } catch (IOException e) {
            // the exception's text would name the absolute path
            throw new SourceUnavailableException(name + ": cannot be read (" + e.getClass().getSimpleName() + ")", e);
        }
    }
}
