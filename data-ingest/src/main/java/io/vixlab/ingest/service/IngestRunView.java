package io.vixlab.ingest.service;

import io.vixlab.contracts.market.MarketUpdate;
import io.vixlab.contracts.market.SymbolRange;
import io.vixlab.ingest.persistence.IngestRunEntity;
import java.time.Instant;
import java.util.List;

/** An ingest run as the API shows it. */
public record IngestRunView(String id, MarketUpdate.Status status, IngestRunEntity.Publication publication,
        String source, Instant startedAt, Instant completedAt, List<SymbolRange> symbols, String checksum,
        String error, List<String> warnings, String publishError) {

    static IngestRunView of(IngestRunEntity run) {
        return new IngestRunView(run.id, run.status, run.publication, run.source, run.startedAt, run.completedAt,
                run.toUpdate().symbols(), run.checksum, run.error, List.copyOf(run.warnings), run.publishError);
    }
}
