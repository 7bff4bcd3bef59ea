package io.vixlab.ingest.api;

import jakarta.validation.constraints.Pattern;

/**
 * The body of {@code POST /api/ingest/runs}; both fields are optional.
 *
 * @param source {@code snapshot}, {@code cboe} or {@code file}; the configured {@code vixlab.ingest.source} when absent
 * @param path           a {@code file} source's file or directory, under {@code vixlab.ingest.file-root}
 * @param replaceHistory whether the run may change stored closes by more than a plausible amount (absent: no);
 *                       the replaced bars are kept in the bar history
 */
public record IngestRequest(
        @Pattern(regexp = "snapshot|cboe|file", message = "must be snapshot, cboe or file") String source,
        String path,
        Boolean replaceHistory) {
}
