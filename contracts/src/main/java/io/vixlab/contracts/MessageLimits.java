package io.vixlab.contracts;

/**
 * The sizes every part of vixlab agrees on, so that anything one part accepts the next can pass on:
 * the broker's {@code message.max.bytes}, every producer's {@code max.request.size} (the services'
 * channels, the dead-letter producers, the run queue's) are all {@link #MAX_MESSAGE_BYTES}; a
 * dead letter that would be larger is cut to fit (docs/architecture.md, "Message limits").
 */
public final class MessageLimits {

    /**
     * The largest message, in bytes, key, value and headers together: 2 MiB. The largest event is a
     * {@code features.windows} chunk, well under a mebibyte.
     */
    public static final int MAX_MESSAGE_BYTES = 2 * 1024 * 1024;

    /**
     * The longest reason or error text, in characters, that an event or a dead letter carries: enough
     * to name every problem, never the input itself.
     */
    public static final int MAX_REASON_CHARS = 500;

    /** The most characters of input that an error text or a Jackson message quotes. */
    public static final int MAX_QUOTED_CHARS = 40;

    private MessageLimits() {
    }

    /**
     * {@code text} cut to {@link #MAX_REASON_CHARS} characters (never inside a character pair), saying
     * how much was left out, with control characters other than line breaks and tabs escaped (a
     * database column refuses a NUL).
     */
    public static String capped(String text) {
        if (text == null) {
            return null;
        }
        String printable = escapeControls(text, true);
        if (printable.length() <= MAX_REASON_CHARS) {
            return printable;
        }
        int end = MAX_REASON_CHARS;
        if (Character.isHighSurrogate(printable.charAt(end - 1))) {
            end--;
        }
        return printable.substring(0, end) + "… (" + (printable.length() - end) + " more characters)";
    }

    /**
     * How an error quotes input (a cell, a header, a parameter, a path): at most
     * {@link #MAX_QUOTED_CHARS} characters of it, every control character escaped, with the input's
     * length when it was cut, so that hostile input never makes an error long or unprintable.
     */
    public static String quoted(String input) {
        String shown = input.length() <= MAX_QUOTED_CHARS ? input : input.substring(0, MAX_QUOTED_CHARS);
        String escaped = escapeControls(shown, false);
        return shown.length() == input.length() ? escaped : escaped + "… (" + input.length() + " characters)";
    }

    private static String escapeControls(String text, boolean keepLineBreaksAndTabs) {
        StringBuilder escaped = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            boolean kept = keepLineBreaksAndTabs && (c == '\n' || c == '\r' || c == '\t');
            if (Character.isISOControl(c) && !kept) {
                escaped.append(String.format("\\u%04x", c));
            } else {
                escaped.appendCodePoint(c);
            }
        });
        return escaped.toString();
    }
}
