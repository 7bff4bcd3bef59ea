package io.vixlab.queue;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;

/**
 * The share group's own settings, which live on the broker (not in the consumer's properties):
 * every trainer sets them as it starts, idempotently, so no other component has to.
 */
final class ShareGroupConfig {

    /** Where a new group starts reading; the broker's default, latest, would skip runs already waiting. */
    static final String AUTO_OFFSET_RESET = "share.auto.offset.reset";
    static final String LOCK_DURATION_MS = "share.record.lock.duration.ms";
    static final String DELIVERY_COUNT_LIMIT = "share.delivery.count.limit";

    private ShareGroupConfig() {
    }

    static void apply(RunQueue.Settings settings) {
        List<AlterConfigOp> ops = List.of(
                set(AUTO_OFFSET_RESET, "earliest"),
                set(LOCK_DURATION_MS, String.valueOf(settings.lockDuration().toMillis())),
                set(DELIVERY_COUNT_LIMIT, String.valueOf(settings.deliveryLimit())));
        try (Admin admin = Admin.create(RunQueue.clientProps(settings))) {
            Map<ConfigResource, Collection<AlterConfigOp>> groups = settings.topics().stream().collect(Collectors.toMap(
                    topic -> new ConfigResource(ConfigResource.Type.GROUP, settings.groupOf(topic)), topic -> ops));
            admin.incrementalAlterConfigs(groups).all().get(60, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot configure share groups " + settings.groupId() + ".* on "
                    + settings.bootstrapServers() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while configuring share groups " + settings.groupId(), e);
        }
    }

    private static AlterConfigOp set(String name, String value) {
        return new AlterConfigOp(new ConfigEntry(name, value), AlterConfigOp.OpType.SET);
    }
}
