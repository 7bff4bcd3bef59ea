package io.vixlab.ingest.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * The most bytes a source may deliver (the real VIX history is ~0.5 MB). Reading stops one byte past the
 * limit, so an oversized or endless file never fills the memory.
 */
public record SizeLimit(long maxBytes) {

    /** 16 MiB, the default of {@code vixlab.ingest.max-file-size}. */
    public static final SizeLimit DEFAULT = new SizeLimit(16L * 1024 * 1024);

    public SizeLimit {
        if (maxBytes < 1) {
            throw new IllegalArgumentException("maxBytes must be positive, was " + maxBytes);
        }
    }

    /**
     * The whole stream as UTF-8 text.
     *
     * @param file how errors name the file
     * @throws FileTooLargeException when the stream holds more than {@link #maxBytes()}
     */
    public String read(InputStream in, String file) throws IOException {
        return read(in, file, 0);
    }

    /** Like {@link #read(InputStream, String)} for a source that has already read {@code alreadyRead} bytes. */
    public String read(InputStream in, String file, long alreadyRead) throws IOException {
        long room = Math.max(0, maxBytes - alreadyRead);
        byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, room + 1));
        if (bytes.length > room) {
            throw new FileTooLargeException(file, maxBytes);
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
