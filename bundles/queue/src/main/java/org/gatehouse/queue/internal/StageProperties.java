package org.gatehouse.queue.internal;

import java.util.Map;

import org.gatehouse.api.MessageStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads a stage's service properties; a bad value is logged and given a safe meaning. */
final class StageProperties {

    private static final Logger LOG = LoggerFactory.getLogger(StageProperties.class);

    private StageProperties() {
    }

    static StageRegistry.Stage describe(MessageStage service, Map<String, ?> props, String version) {
        Object name = props.get(MessageStage.NAME);
        Object onError = props.get(MessageStage.ON_ERROR);
        Object id = props.get("service.id");
        Object feature = props.get(MessageStage.FEATURE);
        Object enabled = props.get(MessageStage.ENABLED);
        String stageName = name == null ? service.getClass().getSimpleName() : name.toString();
        boolean quarantine = onError != null && "quarantine".equalsIgnoreCase(onError.toString().trim());
        long serviceId = id instanceof Number n ? n.longValue() : 0L;
        String gate = feature == null || feature.toString().isBlank() ? null : feature.toString().trim();
        boolean on = enabled == null || !"false".equalsIgnoreCase(enabled.toString().trim());
        Object observer = props.get(MessageStage.OBSERVER);
        boolean observes = observer != null && "true".equalsIgnoreCase(observer.toString().trim());
        return new StageRegistry.Stage(service, stageName, order(stageName, props.get(MessageStage.ORDER)),
                quarantine, serviceId, gate, on, version == null ? "-" : version, observes);
    }

    private static int order(String stageName, Object order) {
        if (order instanceof Number n) {
            return n.intValue();
        }
        if (order != null) {
            try {
                return Integer.parseInt(order.toString().trim());
            } catch (NumberFormatException e) {
                LOG.warn("Stage {} has a bad {} '{}'; it runs last", stageName, MessageStage.ORDER, order);
                return Integer.MAX_VALUE;
            }
        }
        LOG.warn("Stage {} has no {}; it runs last", stageName, MessageStage.ORDER);
        return Integer.MAX_VALUE;
    }
}
