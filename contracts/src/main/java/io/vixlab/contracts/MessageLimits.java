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

    private MessageLimits() {
    }

    /**
     * {@code text} cut to {@link #MAX_REASON_CHARS} characters (never inside a character pair), saying
     * how much was left out.
     */
    public static String capped(String text) {
        if (text == null || text.length() <= MAX_REASON_CHARS) {
            return text;
        }
        int end = MAX_REASON_CHARS;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + "… (" + (text.length() - end) + " more characters)";
    }
}
