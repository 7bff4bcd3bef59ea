package io.vixlab.ingest.service;

import io.vixlab.ingest.IngestException;
import io.vixlab.ingest.config.IngestConfig;
import io.vixlab.ingest.config.SourceKind;
import io.vixlab.ingest.source.BarSource;
import io.vixlab.ingest.source.CboeHttpSource;
import io.vixlab.ingest.source.LocalFileSource;
import io.vixlab.ingest.source.SnapshotSource;
import io.vixlab.ingest.source.SourceFile;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/** Turns a requested source kind (and path) into the domain's {@link BarSource}, as configured. */
@ApplicationScoped
public class BarSources {

    private final IngestConfig config;

    public BarSources(IngestConfig config) {
        this.config = config;
    }

    /** @throws InvalidRequestException for a path where none belongs, or none or one outside the file root */
    public BarSource open(SourceKind kind, Optional<String> path) {
        if (kind != SourceKind.FILE && path.isPresent()) {
            throw new InvalidRequestException("path", "only a file source takes a path, not " + kind.label());
        }
        return switch (kind) {
            case SNAPSHOT -> new SnapshotSource();
            case CBOE -> new CboeHttpSource(cboeSettings());
            case FILE -> new LocalFileSource(underFileRoot(path.orElseThrow(
                    () -> new InvalidRequestException("path", "a file source needs the path of a file or directory"))));
        };
    }

    /**
     * The source with its files already read, or its failure kept for the run to report: downloads can take
     * minutes with retries and must not hold a database transaction open.
     */
    public static BarSource prefetched(BarSource source) {
        try {
            return new Prefetched(source.name(), source.fetch(), null);
        } catch (IngestException e) {
            return new Prefetched(source.name(), List.of(), e);
        }
    }

    private record Prefetched(String name, List<SourceFile> files, IngestException failure) implements BarSource {

        @Override
        public List<SourceFile> fetch() {
            if (failure != null) {
                throw failure;
            }
            return files;
        }
    }

    private CboeHttpSource.Settings cboeSettings() {
        IngestConfig.Cboe cboe = config.cboe();
        // Sorted by symbol, so runs report symbols in a stable order whatever order the configuration lists them in.
        return new CboeHttpSource.Settings(new TreeMap<>(cboe.urls()), cboe.timeout(), cboe.maxAttempts(),
                cboe.initialBackoff());
    }

    /** The path resolved against the file root; it must stay inside, through symbolic links too. */
    private Path underFileRoot(String requested) {
        Path root = config.fileRoot().toAbsolutePath().normalize();
        Path path = root.resolve(requested).normalize();
        if (!path.startsWith(root) || leavesThroughLinks(path, root)) {
            throw new InvalidRequestException("path", requested + " lies outside the file root " + root);
        }
        return path;
    }

    /** Whether an existing path leads out of the root through a symbolic link; a missing one is the run's to report. */
    private static boolean leavesThroughLinks(Path path, Path root) {
        try {
            return Files.exists(path) && !path.toRealPath().startsWith(root.toRealPath());
        } catch (IOException e) {
            return true;
        }
    }
}
