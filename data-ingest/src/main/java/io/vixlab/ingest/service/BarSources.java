package io.vixlab.ingest.service;

import io.vixlab.contracts.MessageLimits;
import io.vixlab.ingest.IngestException;
import io.vixlab.ingest.config.IngestConfig;
import io.vixlab.ingest.config.SourceKind;
import io.vixlab.ingest.source.BarSource;
import io.vixlab.ingest.source.CboeHttpSource;
import io.vixlab.ingest.source.LocalFileSource;
import io.vixlab.ingest.source.SizeLimit;
import io.vixlab.ingest.source.SnapshotSource;
import io.vixlab.ingest.source.SourceFile;
import io.vixlab.kit.rest.InvalidParameterException;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
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

    /** @throws InvalidParameterException for a path where none belongs, or none, or one that is not a sane path under the file root */
    public BarSource open(SourceKind kind, Optional<String> path) {
        if (kind != SourceKind.FILE && path.isPresent()) {
            throw new InvalidParameterException("path", "only a file source takes a path, not " + kind.label());
        }
        return switch (kind) {
            case SNAPSHOT -> new SnapshotSource();
            case CBOE -> new CboeHttpSource(cboeSettings(), sizeLimit());
            case FILE -> new LocalFileSource(fileRoot(), underFileRoot(path.orElseThrow(
                    () -> new InvalidParameterException("path", "a file source needs the path of a file or directory"))),
                    sizeLimit());
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

    private SizeLimit sizeLimit() {
        return new SizeLimit(config.maxFileSize().asLongValue());
    }

    private Path fileRoot() {
        return config.fileRoot().toAbsolutePath().normalize();
    }

    /**
     * The path resolved against the file root. It must be a sane path (no NUL, at most
     * {@code vixlab.ingest.max-path-length} characters), stay inside the root, and reach its target without
     * a symbolic link: a link inside the root can point anywhere. Errors quote the request, never the root.
     */
    private Path underFileRoot(String requested) {
        if (requested.indexOf('\0') >= 0) {
            throw new InvalidParameterException("path", "contains a NUL character");
        }
        if (requested.length() > config.maxPathLength()) {
            throw new InvalidParameterException("path", "is " + requested.length() + " characters long, more than the limit of "
                    + config.maxPathLength());
        }
        Path root = fileRoot();
        Path path;
        try {
            path = root.resolve(requested).normalize();
        } catch (InvalidPathException e) {
            throw new InvalidParameterException("path", MessageLimits.quoted(requested) + " is not a valid path");
        }
        if (!path.startsWith(root)) {
            throw new InvalidParameterException("path", MessageLimits.quoted(requested) + " lies outside the import root");
        }
        if (path.equals(root)) {
            return path;
        }
        Path reached = root;
        for (Path part : root.relativize(path)) {
            reached = reached.resolve(part);
            if (Files.isSymbolicLink(reached)) {
                throw new InvalidParameterException("path", MessageLimits.quoted(requested) + " passes through the symbolic link "
                        + MessageLimits.quoted(root.relativize(reached).toString()) + "; links are not followed");
            }
        }
        return path;
    }
}
