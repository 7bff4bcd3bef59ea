package io.vixlab.ingest.hostile;

import static io.vixlab.ingest.hostile.IngestProbes.expectRefusedFile;
import static io.vixlab.ingest.hostile.IngestProbes.fileRun;
import static io.vixlab.ingest.hostile.IngestProbes.shown;
import static io.vixlab.ingest.hostile.IngestProbes.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vixlab.ingest.run.MalformedFiles;
import io.vixlab.testing.KafkaTestResource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile files through {@code POST /api/ingest/runs}, one probe per kind: malformed CSV ({@link MalformedFiles}),
 * hostile but well-formed values (symbols, dates, ceilings, layouts, history rewrites), oversized files and
 * cells, and directories holding what must not be read. Each fails its run with 422 naming the file (relative to
 * the import root), row and field, quoting at most a short excerpt of the input; see {@link IngestProbes} for
 * what is checked around each.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class HostileCsvTest {

    private static final String OHLC = "DATE,OPEN,HIGH,LOW,CLOSE\n";
    private static final String GOOD_ROW = "01/02/2024,13.21,14.23,13.10,13.20\n";
    private static final int HUGE_CELL = 1_100_000;

    private static boolean goodHistoryStored;

    /** The good history the rewrite probe would rewrite, whatever ran before (once; the app is up by now). */
    @BeforeEach
    void storeTheGoodHistoryOnce() {
        if (!goodHistoryStored) {
            IngestProbes.assertHealthyAndAcceptsGoodInput();
            goodHistoryStored = true;
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.vixlab.ingest.run.MalformedFiles#cases")
    void malformedFile(String kind, String symbol, String content, String domainError) {
        Path file = write(MalformedFiles.fileName(symbol), content);

        expectRefusedFile(fileRun(file), detail -> assertThat(detail).isEqualTo(shown(file.getParent()) + "/" + domainError));
    }

    static Stream<Arguments> hostileFiles() {
        String today = LocalDate.now().toString();
        return Stream.of(
                arguments("1.1 MB cell", "vix.csv", OHLC + GOOD_ROW + "01/03/2024,13.38," + "9".repeat(HUGE_CELL) + "x,13.36,14.04\n",
                        "row 3, field HIGH: '" + "9".repeat(40) + "… (" + (HUGE_CELL + 1) + " characters)' is not a number"),
                arguments("1 MB header", "vix.csv", "DATE,OPEN,HIGH,LOW," + "X".repeat(1_000_000) + "\n" + GOOD_ROW,
                        "row 1, field CLOSE: missing column, expected CLOSE or VIX; the header is DATE,OPEN,HIGH,LOW,"
                                + "X".repeat(21) + "… (1000019 characters)"),
                arguments("NUL in a value", "vix.csv", OHLC + GOOD_ROW + "01/03/2024,13.38,14.22,13.36,14\u000004\n",
                        "row 3, field CLOSE: '14\\u000004' is not a number"),
                arguments("control characters in a date", "vix.csv", OHLC + GOOD_ROW + "01/03/2024\u001b[2J,13.38,14.22,13.36,14.04\n",
                        "row 3, field DATE: '01/03/2024\\u001b[2J' is not a date; expected MM/DD/YYYY or YYYY-MM-DD"),
                arguments("1e300 in a 2-row file", "vix.csv", OHLC + GOOD_ROW + "01/03/2024,1e300,1e300,1e300,1e300\n",
                        "row 3, field OPEN: 1.0E300 is above VIX's plausible maximum of 1000.0"),
                arguments("value above the ceiling of VVIX", "vvix.csv", "DATE,VVIX\n2024-01-02,95.1\n2024-01-03,2500\n",
                        "row 3, field VVIX: 2500.0 is above VVIX's plausible maximum of 2000.0"),
                arguments("date in year +10000", "vix.csv", OHLC + GOOD_ROW + "+10000-01-03,13.38,14.22,13.36,14.04\n",
                        "row 3, field DATE: +10000-01-03 is after today (" + today + ")"),
                arguments("date in year -0001", "vix.csv", OHLC + "-0001-01-02,13.21,14.23,13.10,13.20\n",
                        "row 2, field DATE: -0001-01-02 is before VIX's first published day 1990-01-02"),
                arguments("date in 2099", "vix.csv", OHLC + GOOD_ROW + "2099-01-05,13.38,14.22,13.36,14.04\n",
                        "row 3, field DATE: 2099-01-05 is after today (" + today + ")"),
                arguments("date before the first published day", "vvix.csv", "DATE,VVIX\n2006-03-03,71.2\n2006-03-06,71.73\n",
                        "row 2, field DATE: 2006-03-03 is before VVIX's first published day 2006-03-06"),
                arguments("unknown symbol FOO", "foo.csv", OHLC + GOOD_ROW,
                        ": symbol FOO (from the file name) is not accepted; accepted are VIX, VVIX, RECOVERY, STRANDED, OHLCTEST, CLOSETEST, HISTORYTEST"),
                arguments("file name over 16 characters", "averyveryverylongsymbolname.csv", OHLC + GOOD_ROW,
                        ": symbol AVERYVERYVERYLONGSYMBOLNAME (from the file name) is not accepted; accepted are VIX, VVIX, RECOVERY, STRANDED, OHLCTEST, CLOSETEST, HISTORYTEST"),
                arguments("VVIX renamed to vix.csv with DATE,CLOSE", "vix.csv", "DATE,CLOSE\n03/06/2006,71.73\n03/07/2006,72.01\n",
                        "row 1, field OPEN: VIX needs OPEN, HIGH, LOW and CLOSE columns; this file has a close only"),
                arguments("two days of VIX rewritten to 800", "vix.csv", OHLC + "03/04/2024,800,800,800,800\n03/05/2024,800,800,800,800\n",
                        "row 2, field CLOSE: 2024-03-04 close 800.0 would rewrite the stored close 13.49 (|ln| = 4.083, beyond ±0.7);"
                                + " a run that means to rewrite history says replaceHistory: true"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileFiles")
    void hostileFile(String kind, String name, String content, String error) {
        Path file = write(name, content);

        expectRefusedFile(fileRun(file), detail -> assertThat(detail).isEqualTo(shown(file) + (error.startsWith(":") ? "" : ", ") + error));
    }

    static Stream<Arguments> hostileSources() {
        return Stream.of(
                arguments("file over the size limit (17 MiB)", (SourceSetup) directory -> {
                    Files.writeString(directory.resolve("vix.csv"), OHLC + GOOD_ROW.repeat(17 * 1024 * 1024 / GOOD_ROW.length() + 1));
                    return directory.resolve("vix.csv");
                }, (Consumer<String>) detail -> assertThat(detail).endsWith("vix.csv: larger than the limit of 16777216 bytes (vixlab.ingest.max-file-size)")),
                arguments("directory whose files together exceed the limit", (SourceSetup) directory -> {
                    Files.writeString(directory.resolve("vix.csv"), OHLC + GOOD_ROW.repeat(9 * 1024 * 1024 / GOOD_ROW.length()));
                    Files.writeString(directory.resolve("vvix.csv"), "DATE,VVIX\n" + "2024-01-02,95.1\n".repeat(9 * 1024 * 1024 / 16));
                    return directory;
                }, (Consumer<String>) detail -> assertThat(detail).endsWith("vvix.csv: larger than the limit of 16777216 bytes (vixlab.ingest.max-file-size)")),
                arguments("directory holding a symbolic link to a file outside the root", (SourceSetup) directory -> {
                    Files.createSymbolicLink(directory.resolve("vix.csv"), outsideFile());
                    return directory;
                }, (Consumer<String>) detail -> assertThat(detail).endsWith("/vix.csv: a symbolic link; links are not followed")
                        .doesNotContain("secret")),
                arguments("directory with an unknown symbol beside a good file", (SourceSetup) directory -> {
                    Files.writeString(directory.resolve("vix.csv"), IngestProbes.GOOD_VIX);
                    Files.writeString(directory.resolve("foo.csv"), OHLC + GOOD_ROW);
                    return directory;
                }, (Consumer<String>) detail -> assertThat(detail).endsWith("/foo.csv: symbol FOO (from the file name) is not accepted;"
                        + " accepted are VIX, VVIX, RECOVERY, STRANDED, OHLCTEST, CLOSETEST, HISTORYTEST")),
                arguments("directory without CSV files", (SourceSetup) directory -> directory,
                        (Consumer<String>) detail -> assertThat(detail).endsWith(": no .csv files")),
                arguments("missing file", (SourceSetup) directory -> directory.resolve("missing.csv"),
                        (Consumer<String>) detail -> assertThat(detail).endsWith("/missing.csv: no such file")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileSources")
    void hostileSource(String kind, SourceSetup setup, Consumer<String> detailCheck) throws IOException {
        Path path = setup.create(Files.createTempDirectory(IngestProbes.ROOT, "hostile"));

        expectRefusedFile(fileRun(path), detail -> {
            assertThat(detail).startsWith(shown(path.getParent().equals(IngestProbes.ROOT) ? path : path.getParent()));
            detailCheck.accept(detail);
        });
    }

    /** A file outside the import root (the module's build directory) whose content must never show. */
    static Path outsideFile() throws IOException {
        Path outside = Files.createDirectories(Path.of("target", "outside-import-root").toAbsolutePath());
        return Files.writeString(outside.resolve("secret.csv"), "DATE,CLOSE\nsecret first line\n");
    }

    @FunctionalInterface
    interface SourceSetup {

        /** Fills the directory and returns the path the run names. */
        Path create(Path directory) throws IOException;
    }
}
