package io.vixlab.contracts.dataset;

/**
 * A dataset's chunks cannot be turned into the dataset its manifest describes: a chunk is
 * corrupt or inconsistent, or the decoded content does not hash to the manifest's checksum. The
 * message names the dataset so that the failure can be traced to the producer's version.
 */
public class DatasetIntegrityException extends RuntimeException {

    private final String datasetId;

    public DatasetIntegrityException(String datasetId, String reason) {
        super("dataset " + datasetId + ": " + reason);
        this.datasetId = datasetId;
    }

    public DatasetIntegrityException(String datasetId, String reason, Throwable cause) {
        super("dataset " + datasetId + ": " + reason, cause);
        this.datasetId = datasetId;
    }

    public String datasetId() {
        return datasetId;
    }
}
