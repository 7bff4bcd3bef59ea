package io.vixlab.features.api;

import io.vixlab.contracts.dataset.AssembledDataset;
import io.vixlab.contracts.dataset.DatasetWindows;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * A dataset's windows as CSV for notebooks, one row per window: {@code target_date, part, target,
 * previous_close}, then the window's features flattened day by day, named {@code <feature>_lag<k>}
 * where lag 0 is the window's last day. Values are scaled, as on the topic, and written as the
 * shortest decimal that reads back to the same float32.
 */
final class WindowsCsv {

    private WindowsCsv() {
    }

    static StreamingOutput of(AssembledDataset dataset) {
        return output -> {
            Writer out = new BufferedWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8), 1 << 16);
            out.write(header(dataset.manifest().featureNames(), dataset.manifest().sequenceLength()));
            DatasetWindows w = dataset.windows();
            for (int i = 0; i < w.size(); i++) {
                out.write(w.targetDates()[i].toString());
                out.write(',');
                out.write(DatasetWindowsView.partOf(dataset, i).name().toLowerCase(Locale.ROOT));
                out.write(',');
                out.write(Float.toString(w.targets()[i]));
                out.write(',');
                out.write(Float.toString(w.previousCloses()[i]));
                for (float[] day : w.features()[i]) {
                    for (float value : day) {
                        out.write(',');
                        out.write(Float.toString(value));
                    }
                }
                out.write('\n');
            }
            out.flush();
        };
    }

    static String header(List<String> featureNames, int sequenceLength) {
        StringBuilder header = new StringBuilder("target_date,part,target,previous_close");
        for (int lag = sequenceLength - 1; lag >= 0; lag--) {
            for (String name : featureNames) {
                header.append(',').append(name).append("_lag").append(lag);
            }
        }
        return header.append('\n').toString();
    }
}
