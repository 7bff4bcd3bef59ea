package io.vixlab.ingest.source;

import java.util.List;

/** Where the daily history files of an ingest run come from. */
public interface BarSource {

    /** The name stored with each bar and reported in the run's event: {@code snapshot}, {@code cboe}, {@code file:...}. */
    String name();

    /**
     * Reads every file of this source.
     *
     * @throws SourceUnavailableException when a file cannot be read
     */
    List<SourceFile> fetch();
}
