package io.vixlab.contracts.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vixlab.contracts.EventJson;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

class WindowCodecTest {

    @Test
    void recordLayoutIsFeaturesRowMajorThenTargetThenPreviousCloseThenEpochDay() throws Exception {
        // One window of 2 days x 2 features: record = 4 floats + target + previous close + int32 date = 28 bytes.
        DatasetWindows windows = new DatasetWindows(new float[][][] {{{1f, 2f}, {3f, 4f}}}, new float[] {5f},
                new float[] {6f}, new LocalDate[] {LocalDate.of(1970, 1, 3)});

        List<WindowChunk> chunks = WindowCodec.encode("ds-layout", windows);

        ByteBuffer expected = ByteBuffer.allocate(28).order(ByteOrder.LITTLE_ENDIAN)
                .putFloat(1f).putFloat(2f).putFloat(3f).putFloat(4f).putFloat(5f).putFloat(6f).putInt(2);
        assertThat(chunks).singleElement().satisfies(chunk -> {
            assertThat(chunk.encoding()).isEqualTo(WindowChunk.ENCODING);
            assertThat(chunk.chunkIndex()).isZero();
            assertThat(chunk.chunkCount()).isEqualTo(1);
            assertThat(chunk.firstWindow()).isZero();
            assertThat(chunk.windowCount()).isEqualTo(1);
        });
        byte[] raw = new GZIPInputStream(new ByteArrayInputStream(Base64.getDecoder().decode(chunks.get(0).data())))
                .readAllBytes();
        assertThat(raw).containsExactly(expected.array());
        assertThat(WindowCodec.checksum(windows))
                .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(expected.array())));
    }

    @Test
    void checksumChangesWithAnySingleValue() {
        DatasetWindows windows = DatasetFixtures.randomWindows(20, 5, 3, 1);
        String original = WindowCodec.checksum(windows);

        windows.features()[7][2][1] += 1e-3f;

        assertThat(WindowCodec.checksum(windows)).isNotEqualTo(original).hasSize(64);
    }

    @Test
    void incompressibleWindowsStayWithinTheMessageLimit() {
        // 30 x 60 random floats = 7,212 bytes a record; 1,000 windows are ~7 MB raw, so several chunks.
        DatasetWindows windows = DatasetFixtures.randomWindows(1_000, 30, 60, 2);

        List<WindowChunk> chunks = WindowCodec.encode("ds-big", windows);

        assertThat(chunks).hasSizeGreaterThan(7)
                .hasSize(WindowCodec.chunkCount(1_000, 30, 60, WindowCodec.MAX_MESSAGE_BYTES));
        assertThat(chunks).allSatisfy(chunk ->
                assertThat(EventJson.writeBytes(chunk).length).isLessThanOrEqualTo(WindowCodec.MAX_MESSAGE_BYTES));
        assertThat(chunks.stream().mapToInt(WindowChunk::windowCount).sum()).isEqualTo(1_000);
    }

    @Test
    void aSmallerLimitGivesMoreConsecutiveChunks() throws IOException {
        DatasetWindows windows = DatasetFixtures.randomWindows(300, 10, 8, 3);
        int limit = 20_000;
        int perChunk = WindowCodec.windowsPerChunk(10, 8, limit);

        List<WindowChunk> chunks = WindowCodec.encode("ds-small", windows, limit);

        // 332-byte records: (20,000 - 1,024) * 3/4 / 332 = 42, then shaved for gzip's worst case.
        assertThat(perChunk).isBetween(40, 42);
        assertThat(chunks).hasSize((300 + perChunk - 1) / perChunk);
        for (int i = 0; i < chunks.size(); i++) {
            assertThat(chunks.get(i).chunkIndex()).isEqualTo(i);
            assertThat(chunks.get(i).firstWindow()).isEqualTo(i * perChunk);
            assertThat(EventJson.writeBytes(chunks.get(i)).length).isLessThanOrEqualTo(limit);
        }
    }

    @Test
    void aWindowLargerThanTheLimitIsRejected() {
        assertThatThrownBy(() -> WindowCodec.windowsPerChunk(30, 10_000, WindowCodec.MAX_MESSAGE_BYTES))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("30 x 10000");
    }
}
