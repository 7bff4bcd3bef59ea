package io.vixlab.ingest.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalFileSourceTest {

    @TempDir
    Path root;

    @Test
    void readsEveryCsvFileOfADirectoryWithTheSymbolFromItsNameNamedRelativeToTheRoot() throws IOException {
        Path directory = Files.createDirectory(root.resolve("history"));
        Files.writeString(directory.resolve("VVIX_History.csv"), "DATE,VVIX\n");
        Files.writeString(directory.resolve("^vix.CSV"), "Date,Close\n");
        Files.writeString(directory.resolve("notes.txt"), "not a history file");

        LocalFileSource source = source(directory);

        assertThat(source.name()).isEqualTo("file:history");
        assertThat(source.fetch()).containsExactly(
                new SourceFile("VVIX", "history/VVIX_History.csv", "DATE,VVIX\n"),
                new SourceFile("VIX", "history/^vix.CSV", "Date,Close\n"));
    }

    @Test
    void readsASingleFile() throws IOException {
        Path file = Files.writeString(root.resolve("vix_history.csv"), "DATE,CLOSE\n");

        assertThat(source(file).fetch()).singleElement().extracting(SourceFile::symbol).isEqualTo("VIX");
    }

    @Test
    void saysWhatIsMissingWithoutServerPaths() {
        assertThatThrownBy(() -> source(root).fetch())
                .isInstanceOf(SourceUnavailableException.class)
                .hasMessage(".: no .csv files");
        assertThatThrownBy(() -> source(root.resolve("VIX_History.csv")).fetch())
                .isInstanceOf(SourceUnavailableException.class)
                .hasMessage("VIX_History.csv: no such file");
    }

    @Test
    void refusesAFileNameWithoutASymbol() throws IOException {
        Path file = Files.writeString(root.resolve("_History.csv"), "DATE,CLOSE\n");

        assertThatThrownBy(() -> source(file).fetch())
                .isInstanceOf(SourceUnavailableException.class)
                .hasMessage("_History.csv: cannot tell the symbol from the file name");
    }

    @Test
    void refusesSymbolicLinksAmongTheFiles(@TempDir Path outside) throws IOException {
        Path secret = Files.writeString(outside.resolve("secret.csv"), "DATE,CLOSE\nsecret first line\n");
        Files.createSymbolicLink(root.resolve("vix.csv"), secret);

        assertThatThrownBy(() -> source(root).fetch())
                .isInstanceOf(SourceUnavailableException.class)
                .hasMessage("vix.csv: a symbolic link; links are not followed");
    }

    @Test
    void refusesFilesLargerThanTheLimitTogether() throws IOException {
        Files.writeString(root.resolve("vix.csv"), "DATE,CLOSE\n");
        Files.writeString(root.resolve("vvix.csv"), "DATE,CLOSE\n");

        assertThat(new LocalFileSource(root, root, new SizeLimit(22)).fetch()).hasSize(2);
        assertThatThrownBy(() -> new LocalFileSource(root, root, new SizeLimit(21)).fetch())
                .isInstanceOf(FileTooLargeException.class)
                .hasMessage("vvix.csv: larger than the limit of 21 bytes (vixlab.ingest.max-file-size)");
    }

    private LocalFileSource source(Path path) {
        return new LocalFileSource(root, path, SizeLimit.DEFAULT);
    }
}
