package io.vixlab.contracts;

/**
 * Every message vixlab puts on a topic. The schema version lets consumers reject or adapt
 * messages written by a newer producer.
 */
public interface Event {

    /** Version of the event's JSON schema ({@code schemas/<name>.schema.json}). */
    int schemaVersion();
}
