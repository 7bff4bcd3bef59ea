package io.vixlab.ingest.source;

/**
 * The text of one history file as a source delivered it.
 *
 * @param symbol  the symbol the file holds, e.g. {@code VIX}
 * @param name    how error messages name the file: a resource, a path or a URL
 * @param content the whole file
 */
public record SourceFile(String symbol, String name, String content) {
}
