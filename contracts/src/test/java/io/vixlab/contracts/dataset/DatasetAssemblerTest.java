package io.vixlab.contracts.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class DatasetAssemblerTest {

    private static final String ID = "ds-0123456789abcdef";
    private static final int SMALL_LIMIT = 10_000;

    private final DatasetWindows windows = DatasetFixtures.randomWindows(200, 6, 4, 11);
    private final List<WindowChunk> chunks = WindowCodec.encode(ID, windows, SMALL_LIMIT);
    private final DatasetManifest manifest =
            DatasetFixtures.manifestFor(ID, windows, WindowCodec.checksum(windows), chunks.size());

    @Test
    void roundTripGivesBackEveryValue() {
        DatasetAssembler assembler = new DatasetAssembler(ID);
        chunks.forEach(assembler::accept);
        assembler.accept(manifest);

        AssembledDataset dataset = assembler.assemble();

        assertThat(chunks).hasSizeGreaterThan(3);
        assertThat(dataset.manifest()).isEqualTo(manifest);
        assertThat(dataset.windows().features()).isDeepEqualTo(windows.features());
        assertThat(dataset.windows().targets()).containsExactly(windows.targets());
        assertThat(dataset.windows().previousCloses()).containsExactly(windows.previousCloses());
        assertThat(dataset.windows().targetDates()).containsExactly(windows.targetDates());
        assertThat(dataset.trainCount()).isEqualTo(160);
    }

    @Test
    void chunksInAnyOrderWithDuplicatesAndTheManifestFirstAssemble() {
        List<WindowChunk> delivery = new ArrayList<>(chunks.subList(1, chunks.size()));
        delivery.addAll(chunks.subList(1, 4)); // redelivered after a consumer restart
        Collections.shuffle(delivery, new Random(5));
        DatasetAssembler assembler = new DatasetAssembler(ID);
        assembler.accept(manifest);
        delivery.forEach(assembler::accept);

        assertThat(assembler.missingChunks()).containsExactly(0);

        assembler.accept(chunks.get(0));

        assertThat(assembler.isComplete()).isTrue();
        assertThat(assembler.assemble().windows().features()).isDeepEqualTo(windows.features());
    }

    @Test
    void incompleteDatasetNamesWhatIsMissing() {
        DatasetAssembler assembler = new DatasetAssembler(ID);
        chunks.stream().filter(c -> c.chunkIndex() != 1 && c.chunkIndex() != 3).forEach(assembler::accept);

        assertThat(assembler.isComplete()).isFalse();
        assertThatThrownBy(assembler::assemble).isInstanceOf(IllegalStateException.class).hasMessageContaining("no manifest");

        assembler.accept(manifest);

        assertThat(assembler.missingChunks()).containsExactly(1, 3);
        assertThatThrownBy(assembler::assemble).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(ID).hasMessageContaining("[1, 3]");
    }

    @Test
    void otherDatasetsAreIgnored() {
        DatasetAssembler assembler = new DatasetAssembler(ID);
        DatasetWindows other = DatasetFixtures.randomWindows(10, 6, 4, 99);
        List<WindowChunk> otherChunks = WindowCodec.encode("ds-other", other, SMALL_LIMIT);

        assertThat(otherChunks.stream().map(assembler::accept)).containsOnly(false);
        assertThat(assembler.accept(DatasetFixtures.manifestFor("ds-other", other, "0".repeat(64), otherChunks.size())))
                .isFalse();
        chunks.forEach(assembler::accept);
        assembler.accept(manifest);

        assertThat(assembler.assemble().windows().targets()).containsExactly(windows.targets());
    }

    @Test
    void checksumMismatchIsReportedWithTheDatasetId() {
        DatasetManifest wrong = DatasetFixtures.manifestFor(ID, windows, "f".repeat(64), chunks.size());
        DatasetAssembler assembler = new DatasetAssembler(ID);
        chunks.forEach(assembler::accept);
        assembler.accept(wrong);

        assertThatThrownBy(assembler::assemble).isInstanceOf(DatasetIntegrityException.class)
                .hasMessageContaining(ID).hasMessageContaining("checksum mismatch")
                .satisfies(e -> assertThat(((DatasetIntegrityException) e).datasetId()).isEqualTo(ID));
    }

    @Test
    void aChunkWithAlteredButWellFormedContentFailsTheChecksum() {
        // Re-encode chunk 2 from windows that differ in one value: valid gzip, right length, wrong content.
        DatasetWindows altered = DatasetFixtures.randomWindows(200, 6, 4, 11);
        altered.targets()[chunks.get(2).firstWindow()] += 1f;
        WindowChunk tampered = WindowCodec.encode(ID, altered, SMALL_LIMIT).get(2);
        DatasetAssembler assembler = new DatasetAssembler(ID);
        assembler.accept(tampered);
        chunks.forEach(assembler::accept);
        assembler.accept(manifest);

        assertThatThrownBy(assembler::assemble).isInstanceOf(DatasetIntegrityException.class)
                .hasMessageContaining(ID).hasMessageContaining("checksum mismatch");
    }

    @Test
    void undecodableOrMisSizedChunksAreIntegrityErrors() throws Exception {
        WindowChunk original = chunks.get(0);
        WindowChunk garbage = withData(original, "not base64 !!");
        ByteArrayOutputStream shortPayload = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(shortPayload)) {
            gz.write(new byte[10]);
        }
        WindowChunk truncated = withData(original, Base64.getEncoder().encodeToString(shortPayload.toByteArray()));

        for (WindowChunk bad : List.of(garbage, truncated)) {
            DatasetAssembler assembler = new DatasetAssembler(ID);
            assembler.accept(bad);
            chunks.forEach(assembler::accept);
            assembler.accept(manifest);
            assertThatThrownBy(assembler::assemble).isInstanceOf(DatasetIntegrityException.class)
                    .hasMessageContaining(ID).hasMessageContaining("chunk 0");
        }
    }

    @Test
    void chunksThatLeaveAWindowUncoveredAreIntegrityErrors() {
        // Chunk 1 claims chunk 0's windows: both decode, but chunk 1's own windows stay empty.
        WindowChunk misplaced = chunks.get(1);
        WindowChunk overlapping = new WindowChunk(misplaced.schemaVersion(), ID, 1, misplaced.chunkCount(), 0,
                misplaced.windowCount(), misplaced.encoding(), misplaced.data());
        DatasetAssembler assembler = new DatasetAssembler(ID);
        assembler.accept(overlapping);
        chunks.forEach(assembler::accept);
        assembler.accept(manifest);

        assertThatThrownBy(assembler::assemble).isInstanceOf(DatasetIntegrityException.class)
                .hasMessageContaining(ID).hasMessageContaining("no chunk holds window " + chunks.get(0).windowCount());
    }

    private static WindowChunk withData(WindowChunk chunk, String data) {
        return new WindowChunk(chunk.schemaVersion(), chunk.datasetId(), chunk.chunkIndex(), chunk.chunkCount(),
                chunk.firstWindow(), chunk.windowCount(), chunk.encoding(), data);
    }
}
