package io.vixlab.features.dataset;

import io.vixlab.contracts.dataset.DatasetManifest;
import io.vixlab.contracts.dataset.DatasetWindows;
import io.vixlab.contracts.dataset.ScalerParams;
import io.vixlab.contracts.dataset.WindowChunk;
import io.vixlab.contracts.dataset.WindowCodec;
import io.vixlab.features.feature.Feature;
import io.vixlab.features.feature.FeatureCatalog;
import io.vixlab.features.market.MarketHistory;
import io.vixlab.features.market.Symbol;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Builds a dataset version from aligned bars: the seed's {@code create_features} and
 * {@code prepare_sequences}, made leakage-free.
 *
 * <ol>
 *   <li><b>Rows.</b> One row per common VIX/VVIX trading day, one column per configured feature. A
 *       row is <em>defined</em> when every feature is (warm-up rows of rolling features are not);
 *       undefined rows are dropped, never zero-filled.</li>
 *   <li><b>Windows.</b> A window is {@code sequenceLength} consecutive defined rows ending on day
 *       {@code e}; its target is the VIX close on day {@code e + horizon}, which must exist, so no
 *       window reaches past the data. Its previous close is the VIX close on day {@code e}. Windows
 *       are ordered by {@code e}, hence by target date; consecutive windows overlap by all but one day.</li>
 *   <li><b>Split.</b> The first {@code (int) (n * trainFraction)} windows are the training part,
 *       the rest the test part. The split date is the first test window's target date.</li>
 *   <li><b>Scaler.</b> Fitted on the training part only. Feature centre and scale come from the
 *       distinct rows that at least one training window covers, each row counted once (overlapping
 *       windows would otherwise weigh mid-sample rows {@code sequenceLength} times more than the
 *       edges). The target pair comes from the training windows' targets, the VIX closes on their
 *       target days, each once. Both are applied to every window; previous closes use the target pair.
 *       No day after the last training target enters any of this, so test-period prices cannot
 *       move a training window, a training target or the scaler.</li>
 *   <li><b>Identity.</b> The checksum is {@link WindowCodec#checksum}; the id is {@code ds-} and
 *       the first 16 hex digits of a SHA-256 over the configuration, the scaler and the checksum:
 *       the same bars and configuration give the same id, any change in a scaled value, a date,
 *       the scaler or the configuration gives another.</li>
 * </ol>
 */
public final class DatasetBuilder {

    public static final String ID_PREFIX = "ds-";
    private static final String ID_DOMAIN = "vixlab-dataset/1";

    private final DatasetConfig config;
    private final List<Feature> features;

    public DatasetBuilder(DatasetConfig config) {
        this.config = config;
        this.features = FeatureCatalog.resolve(config.featureNames());
    }

    /**
     * @throws IllegalArgumentException when the history yields too few windows to have both a
     *                                  training and a test part, or a scaler or window value that is not a
     *                                  finite number (bars so extreme that a feature overflows)
     */
    public DatasetVersion build(MarketHistory history, Instant createdAt) {
        LocalDate[] days = history.days();
        double[][] columns = features.stream().map(feature -> feature.compute(history)).toArray(double[][]::new);
        double[] vixClose = history.closes(Symbol.VIX);
        int[] ends = windowEnds(columns, vixClose);
        int n = ends.length;
        int trainCount = (int) (n * config.trainFraction());
        if (trainCount < 1 || trainCount >= n) {
            throw new IllegalArgumentException(n + " windows of " + config.sequenceLength() + " days between "
                    + days[0] + " and " + days[days.length - 1] + " cannot be split into a training and a test part");
        }
        ScalerParams scaler = fitScaler(columns, vixClose, ends, trainCount);
        requireFinite(scaler);
        DatasetWindows windows = scale(columns, vixClose, ends, days, scaler);
        requireFinite(windows);
        String checksum = WindowCodec.checksum(windows);
        String id = datasetId(scaler, checksum);
        List<WindowChunk> chunks = WindowCodec.encode(id, windows);
        LocalDate[] targetDates = windows.targetDates();
        DatasetManifest manifest = new DatasetManifest(DatasetManifest.SCHEMA_VERSION, id, config.featureNames(),
                config.sequenceLength(), config.horizon(), n, trainCount, n - trainCount, targetDates[trainCount],
                days[firstDay(ends[0])], targetDates[n - 1], scaler, checksum, chunks.size(), createdAt);
        return new DatasetVersion(manifest, windows, chunks);
    }

    /** Last-day indexes of all windows, ascending. */
    private int[] windowEnds(double[][] columns, double[] vixClose) {
        int dayCount = vixClose.length;
        List<Integer> ends = new ArrayList<>();
        int definedRun = 0; // consecutive defined rows ending on day d
        for (int d = 0; d < dayCount; d++) {
            definedRun = rowDefined(columns, d) ? definedRun + 1 : 0;
            int target = d + config.horizon();
            if (definedRun >= config.sequenceLength() && target < dayCount
                    && Double.isFinite(vixClose[d]) && Double.isFinite(vixClose[target])) {
                ends.add(d);
            }
        }
        return ends.stream().mapToInt(Integer::intValue).toArray();
    }

    private static boolean rowDefined(double[][] columns, int day) {
        for (double[] column : columns) {
            if (!Double.isFinite(column[day])) {
                return false;
            }
        }
        return true;
    }

    private ScalerParams fitScaler(double[][] columns, double[] vixClose, int[] ends, int trainCount) {
        boolean[] covered = new boolean[vixClose.length];
        for (int w = 0; w < trainCount; w++) {
            for (int d = firstDay(ends[w]); d <= ends[w]; d++) {
                covered[d] = true;
            }
        }
        List<Double> centers = new ArrayList<>(columns.length);
        List<Double> scales = new ArrayList<>(columns.length);
        for (double[] column : columns) {
            double[] trainingRows = new double[countTrue(covered)];
            int i = 0;
            for (int d = 0; d < covered.length; d++) {
                if (covered[d]) {
                    trainingRows[i++] = column[d];
                }
            }
            ScalerFit fit = ScalerFit.of(config.scaler(), trainingRows);
            centers.add(fit.center());
            scales.add(fit.scale());
        }
        double[] trainingTargets = new double[trainCount];
        for (int w = 0; w < trainCount; w++) {
            trainingTargets[w] = vixClose[ends[w] + config.horizon()];
        }
        ScalerFit target = ScalerFit.of(config.scaler(), trainingTargets);
        return new ScalerParams(config.scaler(), List.copyOf(centers), List.copyOf(scales), target.center(), target.scale());
    }

    private DatasetWindows scale(double[][] columns, double[] vixClose, int[] ends, LocalDate[] days, ScalerParams scaler) {
        int n = ends.length;
        int length = config.sequenceLength();
        float[][][] x = new float[n][length][columns.length];
        float[] targets = new float[n];
        float[] previousCloses = new float[n];
        LocalDate[] targetDates = new LocalDate[n];
        for (int w = 0; w < n; w++) {
            int first = firstDay(ends[w]);
            for (int t = 0; t < length; t++) {
                for (int f = 0; f < columns.length; f++) {
                    x[w][t][f] = (float) ((columns[f][first + t] - scaler.featureCenter().get(f)) / scaler.featureScale().get(f));
                }
            }
            int target = ends[w] + config.horizon();
            targets[w] = (float) scaler.toScaled(vixClose[target]);
            previousCloses[w] = (float) scaler.toScaled(vixClose[ends[w]]);
            targetDates[w] = days[target];
        }
        return new DatasetWindows(x, targets, previousCloses, targetDates);
    }

    private static void requireFinite(ScalerParams scaler) {
        List<Double> values = new ArrayList<>(scaler.featureCenter());
        values.addAll(scaler.featureScale());
        values.add(scaler.targetCenter());
        values.add(scaler.targetScale());
        if (!values.stream().allMatch(Double::isFinite)) {
            throw new IllegalArgumentException("the scaler fitted to the training part is not finite: " + scaler);
        }
    }

    private void requireFinite(DatasetWindows windows) {
        for (int w = 0; w < windows.targets().length; w++) {
            String window = "window " + w + " (target date " + windows.targetDates()[w] + ")";
            if (!Float.isFinite(windows.targets()[w]) || !Float.isFinite(windows.previousCloses()[w])) {
                throw new IllegalArgumentException(window + " has a target or previous close that is not finite");
            }
            for (float[] day : windows.features()[w]) {
                for (int f = 0; f < day.length; f++) {
                    if (!Float.isFinite(day[f])) {
                        throw new IllegalArgumentException(window + ": feature " + config.featureNames().get(f)
                                + " is not finite");
                    }
                }
            }
        }
    }

    private int firstDay(int end) {
        return end - config.sequenceLength() + 1;
    }

    private String datasetId(ScalerParams scaler, String checksum) {
        StringBuilder text = new StringBuilder(ID_DOMAIN).append('\n').append(config.canonical())
                .append("\nscaler=").append(scaler.kind());
        scaler.featureCenter().forEach(v -> text.append(',').append(Double.toHexString(v)));
        scaler.featureScale().forEach(v -> text.append(',').append(Double.toHexString(v)));
        text.append(',').append(Double.toHexString(scaler.targetCenter()))
                .append(',').append(Double.toHexString(scaler.targetScale()))
                .append("\nchecksum=").append(checksum);
        return ID_PREFIX + HexFormat.of().formatHex(sha256(text.toString())).substring(0, 16);
    }

    private static int countTrue(boolean[] flags) {
        int count = 0;
        for (boolean flag : flags) {
            count += flag ? 1 : 0;
        }
        return count;
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    }
}
