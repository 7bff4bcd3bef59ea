package io.vixlab.ingest.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * CBOE's history files as bundled in this module's resources under {@code snapshot/}: the offline default,
 * so a machine without network still has data.
 */
public final class SnapshotSource implements BarSource {

    public static final String NAME = "snapshot";

    private static final List<String> SYMBOLS = List.of("VIX", "VVIX");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<SourceFile> fetch() {
        return SYMBOLS.stream().map(SnapshotSource::read).toList();
    }

    private static SourceFile read(String symbol) {
        String resource = "snapshot/" + symbol + "_History.csv";
        try (InputStream in = SnapshotSource.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new SourceUnavailableException(resource + ": not on the classpath");
            }
            return new SourceFile(symbol, resource, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new SourceUnavailableException(resource + ": " + e.getMessage(), e);
        }
    }
}
