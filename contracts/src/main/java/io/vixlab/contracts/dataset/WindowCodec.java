package io.vixlab.contracts.dataset;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Turns a dataset's windows into {@link WindowChunk}s and back, and computes the dataset checksum.
 *
 * <h2>Encoding {@value WindowChunk#ENCODING}</h2>
 * A chunk's payload is the concatenation of its windows' records, gzip-compressed, then base64.
 * One window's record, all little-endian:
 * <ol>
 *   <li>{@code sequenceLength x featureCount} float32 scaled features, row-major (day by day);</li>
 *   <li>float32 scaled target;</li>
 *   <li>float32 previous close: the VIX close on the window's last day, scaled with the target's
 *       scaler (an addition to the layout in {@link WindowChunk}'s Javadoc, needed for directional
 *       accuracy and the random-walk baseline);</li>
 *   <li>int32 target date as epoch day.</li>
 * </ol>
 * So a record is {@code 4 * (sequenceLength * featureCount + 3)} bytes.
 *
 * <h2>Checksum</h2>
 * SHA-256, as lowercase hex, of all windows' uncompressed records in window order, i.e. of the
 * decoded features, targets, previous closes and dates as float32/int32 little-endian.
 *
 * <h2>Chunk size</h2>
 * Windows per chunk are chosen from the record size so that even incompressible data (gzip's
 * worst case) keeps a chunk's JSON message within the limit; real windows overlap day by day and
 * compress far below it.
 */
public final class WindowCodec {

    /**
     * The largest JSON message a chunk may become: under half of vixlab's message limit
     * ({@link io.vixlab.contracts.MessageLimits#MAX_MESSAGE_BYTES}), and under Kafka's default too.
     */
    public static final int MAX_MESSAGE_BYTES = 1_000_000;

    /** Room for the chunk's JSON fields around {@code data}: field names, numbers, a dataset id up to 200 characters. */
    static final int ENVELOPE_RESERVE_BYTES = 1_024;

    private WindowCodec() {
    }

    public static int recordBytes(int sequenceLength, int featureCount) {
        return Math.multiplyExact(4, Math.addExact(Math.multiplyExact(sequenceLength, featureCount), 3));
    }

    /**
     * The most windows one chunk may hold so that its message stays within {@code maxMessageBytes}
     * whatever the compression achieves.
     */
    public static int windowsPerChunk(int sequenceLength, int featureCount, int maxMessageBytes) {
        long record = recordBytes(sequenceLength, featureCount);
        long windows = (long) (maxMessageBytes - ENVELOPE_RESERVE_BYTES) * 3 / 4 / record;
        while (windows > 0 && messageBound(windows * record) > maxMessageBytes) {
            windows--;
        }
        if (windows < 1) {
            throw new IllegalArgumentException("one window of " + sequenceLength + " x " + featureCount
                    + " features cannot fit a message of " + maxMessageBytes + " bytes");
        }
        return (int) Math.min(windows, Integer.MAX_VALUE);
    }

    /** Upper bound of a chunk message holding {@code rawBytes} of records: deflate's worst case, gzip framing, base64, envelope. */
    private static long messageBound(long rawBytes) {
        long gzipBound = rawBytes + rawBytes / 1_024 + 64;
        long base64 = 4 * ((gzipBound + 2) / 3);
        return base64 + ENVELOPE_RESERVE_BYTES;
    }

    public static int chunkCount(int windowCount, int sequenceLength, int featureCount, int maxMessageBytes) {
        int perChunk = windowsPerChunk(sequenceLength, featureCount, maxMessageBytes);
        return (windowCount + perChunk - 1) / perChunk;
    }

    public static List<WindowChunk> encode(String datasetId, DatasetWindows windows) {
        return encode(datasetId, windows, MAX_MESSAGE_BYTES);
    }

    public static List<WindowChunk> encode(String datasetId, DatasetWindows windows, int maxMessageBytes) {
        int perChunk = windowsPerChunk(windows.sequenceLength(), windows.featureCount(), maxMessageBytes);
        int chunkCount = chunkCount(windows.size(), windows.sequenceLength(), windows.featureCount(), maxMessageBytes);
        int record = recordBytes(windows.sequenceLength(), windows.featureCount());
        List<WindowChunk> chunks = new ArrayList<>(chunkCount);
        for (int chunk = 0; chunk < chunkCount; chunk++) {
            int first = chunk * perChunk;
            int count = Math.min(perChunk, windows.size() - first);
            ByteBuffer raw = ByteBuffer.allocate(count * record).order(ByteOrder.LITTLE_ENDIAN);
            for (int w = first; w < first + count; w++) {
                writeRecord(windows, w, raw);
            }
            String data = Base64.getEncoder().encodeToString(gzip(raw.array()));
            chunks.add(new WindowChunk(WindowChunk.SCHEMA_VERSION, datasetId, chunk, chunkCount, first, count,
                    WindowChunk.ENCODING, data));
        }
        return chunks;
    }

    /** SHA-256 (lowercase hex) of the windows' uncompressed records in window order. */
    public static String checksum(DatasetWindows windows) {
        MessageDigest digest = sha256();
        ByteBuffer record = ByteBuffer.allocate(recordBytes(windows.sequenceLength(), windows.featureCount()))
                .order(ByteOrder.LITTLE_ENDIAN);
        for (int w = 0; w < windows.size(); w++) {
            record.clear();
            writeRecord(windows, w, record);
            digest.update(record.array());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /**
     * Decodes one chunk into the given dataset-sized arrays at the chunk's window positions.
     *
     * @throws DatasetIntegrityException when the chunk cannot be decoded or does not hold what it claims
     */
    static void decodeInto(WindowChunk chunk, int sequenceLength, int featureCount, float[][][] features,
            float[] targets, float[] previousCloses, LocalDate[] targetDates) {
        String id = chunk.datasetId();
        if (!WindowChunk.ENCODING.equals(chunk.encoding())) {
            throw new DatasetIntegrityException(id, "chunk " + chunk.chunkIndex() + " has unknown encoding " + chunk.encoding());
        }
        int windowCount = features.length;
        if (chunk.firstWindow() < 0 || chunk.windowCount() < 1 || chunk.firstWindow() + chunk.windowCount() > windowCount) {
            throw new DatasetIntegrityException(id, "chunk " + chunk.chunkIndex() + " holds windows " + chunk.firstWindow()
                    + ".." + (chunk.firstWindow() + chunk.windowCount() - 1) + " outside 0.." + (windowCount - 1));
        }
        byte[] raw;
        try {
            raw = gunzip(Base64.getDecoder().decode(chunk.data()));
        } catch (IllegalArgumentException | IOException e) {
            throw new DatasetIntegrityException(id, "chunk " + chunk.chunkIndex() + " cannot be decoded: " + e.getMessage(), e);
        }
        int expected = chunk.windowCount() * recordBytes(sequenceLength, featureCount);
        if (raw.length != expected) {
            throw new DatasetIntegrityException(id, "chunk " + chunk.chunkIndex() + " has " + raw.length
                    + " bytes of windows, expected " + expected + " for " + chunk.windowCount() + " windows of "
                    + sequenceLength + " x " + featureCount);
        }
        ByteBuffer in = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
        for (int w = chunk.firstWindow(); w < chunk.firstWindow() + chunk.windowCount(); w++) {
            float[][] window = new float[sequenceLength][featureCount];
            for (float[] day : window) {
                for (int f = 0; f < featureCount; f++) {
                    day[f] = in.getFloat();
                }
            }
            features[w] = window;
            targets[w] = in.getFloat();
            previousCloses[w] = in.getFloat();
            targetDates[w] = LocalDate.ofEpochDay(in.getInt());
        }
    }

    private static void writeRecord(DatasetWindows windows, int w, ByteBuffer out) {
        for (float[] day : windows.features()[w]) {
            for (float value : day) {
                out.putFloat(value);
            }
        }
        out.putFloat(windows.targets()[w]);
        out.putFloat(windows.previousCloses()[w]);
        out.putInt(Math.toIntExact(windows.targetDates()[w].toEpochDay()));
    }

    private static byte[] gzip(byte[] raw) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length / 4 + 64);
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(raw);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // in-memory streams do not fail
        }
        return out.toByteArray();
    }

    private static byte[] gunzip(byte[] compressed) throws IOException {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(compressed))) {
            return in.readAllBytes();
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    }
}
