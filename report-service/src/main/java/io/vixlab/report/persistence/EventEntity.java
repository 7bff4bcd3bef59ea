package io.vixlab.report.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.vixlab.contracts.Event;
import io.vixlab.contracts.EventJson;
import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * An entity that keeps an event whole, in the JSON form it travels in: the report reads events
 * back as the contract records its domain classes take, and the key columns beside it make
 * redelivered events recognisable.
 */
@MappedSuperclass
public abstract class EventEntity extends PanacheEntityBase {

    /** Unbounded text: a final model's event carries a prediction for every test day. */
    @JdbcTypeCode(SqlTypes.LONG32VARCHAR)
    @Column(name = "event_json", nullable = false)
    public String eventJson;

    protected void store(Event event) {
        eventJson = EventJson.write(event);
    }

    public <T extends Event> T event(Class<T> type) {
        return EventJson.read(eventJson, type);
    }
}
