package org.gatehouse.queue.internal;

import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.gatehouse.api.Connection;
import org.gatehouse.api.DeliveryQueue;
import org.gatehouse.api.Envelope;
import org.gatehouse.api.IncomingMessage;
import org.gatehouse.api.MailLog;
import org.gatehouse.api.Licences;
import org.gatehouse.api.MessageStage;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;
import org.gatehouse.api.Spool;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The queue as a DS component: provides the {@link Spool} to listeners (and DSN makers) and
 * {@link QueueAdmin} to the console; takes stages, the delivery queue and the mail log as they
 * come and go. Every reference is dynamic, so none of them coming or going restarts the spool.
 */
@Component(service = {Spool.class, QueueAdmin.class}, configurationPid = "org.gatehouse.queue", immediate = true)
@Designate(ocd = QueueConfig.class)
public final class QueueComponent implements Spool, QueueAdmin {

    private final MailQueue queue;
    private final QueueAdmin admin;

    @Activate
    public QueueComponent(QueueConfig config) {
        this(QueueSettings.from(config));
    }

    QueueComponent(QueueSettings settings) {
        this.queue = new MailQueue(settings, Clock.systemUTC());
        this.admin = new QueueAdminService(queue);
    }

    /** Runs after the references present at activation are bound, so no stage is missed. */
    @Activate
    void start() throws IOException {
        queue.start();
    }

    @Deactivate
    void stop() {
        queue.stop();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addStage(MessageStage stage, ServiceReference<MessageStage> reference) {
        queue.stages().add(stage, properties(reference), version(reference));
    }

    /** New properties (order, enabled, ...) replace the old ones, as a new registration would. */
    void updatedStage(MessageStage stage, ServiceReference<MessageStage> reference) {
        addStage(stage, reference);
    }

    private static Map<String, Object> properties(ServiceReference<?> reference) {
        Map<String, Object> properties = new HashMap<>();
        for (String key : reference.getPropertyKeys()) {
            properties.put(key, reference.getProperty(key));
        }
        return properties;
    }

    private static String version(ServiceReference<?> reference) {
        Bundle bundle = reference.getBundle();
        return bundle == null ? "-" : bundle.getVersion().toString();
    }

    /** Asked when a gated stage goes away: is it being updated (wait) or no longer licensed? */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindLicences(Licences licences) {
        queue.stages().licences(licences);
    }

    void unbindLicences(Licences licences) {
        queue.stages().licencesGone(licences);
    }

    void removeStage(MessageStage stage) {
        queue.stages().remove(stage);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindDeliveryQueue(DeliveryQueue delivery) {
        queue.delivery().bind(delivery);
    }

    void unbindDeliveryQueue(DeliveryQueue delivery) {
        queue.delivery().unbind(delivery);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindMailLog(MailLog log) {
        queue.log().bind(log);
    }

    void unbindMailLog(MailLog log) {
        queue.log().unbind(log);
    }

    @Override
    public long allocateMid() throws IOException {
        return queue.allocateMid();
    }

    @Override
    public IncomingMessage receive(long mid, Envelope envelope, Connection connection) throws IOException {
        return queue.receive(mid, envelope, connection);
    }

    @Override
    public List<MessageView> list() {
        return admin.list();
    }

    @Override
    public Optional<MessageView> show(long mid) {
        return admin.show(mid);
    }

    @Override
    public List<StageView> pipeline() {
        return admin.pipeline();
    }

    @Override
    public boolean forgetStage(String name) {
        return admin.forgetStage(name);
    }

    @Override
    public boolean deliverNow(long mid) {
        return admin.deliverNow(mid);
    }

    @Override
    public int deliverAllNow() {
        return admin.deliverAllNow();
    }

    @Override
    public boolean delete(long mid) {
        return admin.delete(mid);
    }

    @Override
    public QueueStatus status() {
        return admin.status();
    }
}
