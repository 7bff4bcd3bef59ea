package io.vixlab.ingest;

/**
 * How error texts quote input: at most {@link #MAX_QUOTED} characters of it, control characters escaped,
 * so that a hostile cell, header or path never makes an error (and the run's event that carries it)
 * unbounded, and never carries a NUL that a database column refuses.
 */
public final class Excerpt {

    /** The most characters of input an error quotes. */
    public static final int MAX_QUOTED = 40;
    /** The longest error a run records and publishes; longer ones are cut with a note. */
    public static final int MAX_ERROR = 2000;

    private Excerpt() {
    }

    /** The text, or its beginning with its length when it is longer than {@link #MAX_QUOTED}. */
    public static String of(String text) {
        String shown = text.length() <= MAX_QUOTED ? text : text.substring(0, MAX_QUOTED);
        String escaped = escapeControls(shown);
        return shown.length() == text.length() ? escaped : escaped + "… (" + text.length() + " characters)";
    }

    /** An error text cut to {@link #MAX_ERROR} characters, control characters escaped. */
    public static String ofError(String error) {
        String escaped = escapeControls(error);
        return escaped.length() <= MAX_ERROR ? escaped : escaped.substring(0, MAX_ERROR) + "… (cut)";
    }

    private static String escapeControls(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (Character.isISOControl(c)) {
                escaped.append(String.format("\\u%04x", c));
            } else {
                escaped.appendCodePoint(c);
            }
        });
        return escaped.toString();
    }
}
