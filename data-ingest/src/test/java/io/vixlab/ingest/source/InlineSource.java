package io.vixlab.ingest.source;

import java.util.List;

/** A source whose files are given as text, for tests. */
public record InlineSource(String name, List<SourceFile> files) implements BarSource {

    public static InlineSource of(String symbol, String fileName, String content) {
        return new InlineSource("inline", List.of(new SourceFile(symbol, fileName, content)));
    }

    @Override
    public List<SourceFile> fetch() {
        return files;
    }
}
