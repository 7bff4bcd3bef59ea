package io.vixlab.ingest.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalFileSourceTest {

    @Test
    void readsEveryCsvFileOfADirectoryWithTheSymbolFromItsName(@TempDir Path directory) throws IOException {
        Files.writeString(directory.resolve("VVIX_History.csv"), "DATE,VVIX\n");
        Files.writeString(directory.resolve("^vix.CSV"), "Date,Close\n");
        Files.writeString(directory.resolve("notes.txt"), "not a history file");

        LocalFileSource source = new LocalFileSource(directory);

        assertThat(source.name()).isEqualTo("file:" + directory.toAbsolutePath().normalize());
        assertThat(source.fetch()).containsExactly(
                new SourceFile("VVIX", directory.resolve("VVIX_History.csv").toString(), "DATE,VVIX\n"),
                new SourceFile("VIX", directory.resolve("^vix.CSV").toString(), "Date,Close\n"));
    }

    @Test
    void readsASingleFile(@TempDir Path directory) throws IOException {
        Path file = Files.writeString(directory.resolve("vix_history.csv"), "DATE,CLOSE\n");

        assertThat(new LocalFileSource(file).fetch()).singleElement()
                .extracting(SourceFile::symbol).isEqualTo("VIX");
    }

    @Test
    void saysWhatIsMissing(@TempDir Path directory) {
        Path absent = directory.resolve("VIX_History.csv");

        assertThatThrownBy(() -> new LocalFileSource(directory).fetch())
                .isInstanceOf(SourceUnavailableException.class)
                .hasMessage(directory + ": no .csv files");
        assertThatThrownBy(() -> new LocalFileSource(absent).fetch())
                .isInstanceOf(SourceUnavailableException.class)
                .hasMessageStartingWith(absent + ": cannot be read (java.nio.file.NoSuchFileException");
    }

    @Test
    void refusesAFileNameWithoutASymbol(@TempDir Path directory) throws IOException {
        Path file = Files.writeString(directory.resolve("_History.csv"), "DATE,CLOSE\n");

        assertThatThrownBy(() -> new LocalFileSource(file).fetch())
                .isInstanceOf(SourceUnavailableException.class)
                .hasMessage(file + ": cannot tell the symbol from the file name");
    }
}
