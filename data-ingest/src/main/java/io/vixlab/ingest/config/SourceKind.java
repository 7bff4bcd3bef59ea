package io.vixlab.ingest.config;

import java.util.Locale;

/** The kinds of source a run can read, as the API and the configuration name them. */
public enum SourceKind {
    /** The CBOE files bundled in this module: the offline default. */
    SNAPSHOT,
    /** CBOE's published history files over HTTP. */
    CBOE,
    /** A file or directory under {@code vixlab.ingest.file-root}. */
    FILE;

    /** {@code snapshot}, {@code cboe} or {@code file}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static SourceKind ofLabel(String label) {
        return valueOf(label.toUpperCase(Locale.ROOT));
    }
}
