package io.vixlab.features;

import io.vixlab.contracts.EventSchemas;
import io.vixlab.contracts.Topics;
import io.vixlab.contracts.dataset.AssembledDataset;
import io.vixlab.contracts.dataset.DatasetAssembler;
import io.vixlab.contracts.dataset.DatasetManifest;
import io.vixlab.contracts.dataset.WindowChunk;
import io.vixlab.testing.KafkaTestResource;
import io.vixlab.testing.TopicReader;
import java.time.Duration;

/** Reads a dataset back from the broker as a trainer would, with the contracts' reader. */
public final class DatasetTopics {

    private DatasetTopics() {
    }

    /**
     * Waits for the dataset's manifest on {@code features.datasets} and its chunks on
     * {@code features.windows}, and assembles them (which verifies the checksum).
     *
     * @throws AssertionError when the manifest or a chunk does not arrive within {@code timeout}
     */
    public static AssembledDataset read(String datasetId, Duration timeout) {
        String bootstrap = KafkaTestResource.bootstrapServers();
        DatasetAssembler assembler = new DatasetAssembler(datasetId);
        var manifests = TopicReader.await(bootstrap, Topics.FEATURE_DATASETS, r -> datasetId.equals(r.key()), 1, timeout);
        if (manifests.isEmpty()) {
            throw new AssertionError("no manifest of " + datasetId + " on " + Topics.FEATURE_DATASETS + " within " + timeout);
        }
        DatasetManifest manifest = EventSchemas.parse(manifests.get(0).value(), DatasetManifest.class);
        assembler.accept(manifest);
        TopicReader.await(bootstrap, Topics.FEATURE_WINDOWS, r -> datasetId.equals(r.key()), manifest.chunkCount(), timeout)
                .forEach(r -> assembler.accept(EventSchemas.parse(r.value(), WindowChunk.class)));
        if (!assembler.isComplete()) {
            throw new AssertionError("chunks " + assembler.missingChunks() + " of " + datasetId + " did not arrive");
        }
        return assembler.assemble();
    }
}
