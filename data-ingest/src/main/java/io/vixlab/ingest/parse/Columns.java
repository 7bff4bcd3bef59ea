package io.vixlab.ingest.parse;

/**
 * The columns of a file as its header spells them, so messages name the field the way the reader sees it.
 *
 * @param open null, like high and low, in a close-only layout such as CBOE's {@code DATE,VVIX}
 */
public record Columns(String date, String open, String high, String low, String close) {
}
