package org.gatehouse.queue.internal;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The admin's view of and hands on the queue, behind the console commands. */
final class QueueAdminService implements QueueAdmin {

    private static final Logger LOG = LoggerFactory.getLogger(QueueAdminService.class);

    private final MailQueue queue;

    QueueAdminService(MailQueue queue) {
        this.queue = queue;
    }

    @Override
    public List<MessageView> list() {
        List<MessageView> out = new ArrayList<>();
        for (SpooledMessage m : queue.messages()) {
            out.add(MessageView.of(m));
        }
        return out;
    }

    @Override
    public Optional<MessageView> show(long mid) {
        return Optional.ofNullable(queue.find(mid)).map(MessageView::of);
    }

    @Override
    public boolean deliverNow(long mid) {
        SpooledMessage m = queue.find(mid);
        return m != null && deliverNow(m);
    }

    private boolean deliverNow(SpooledMessage m) {
        switch (m.phase()) {
            case RETRY:
                return queue.work().runNow(m);
            case DELIVERY:
                return queue.delivery().deliverNow(m.mid());
            case HELD:
                try {
                    m.release();
                } catch (IOException e) {
                    LOG.error("Could not release MID {} from hold", m.mid(), e);
                    return false;
                }
                queue.log().released(m.mid());
                queue.log().queuedForDelivery(m.mid());
                queue.delivery().offer(m);
                return true;
            default:
                return false; // already waiting for a worker
        }
    }

    @Override
    public int deliverAllNow() {
        int moved = 0;
        for (SpooledMessage m : queue.messages()) {
            if (m.phase() != Phase.HELD && deliverNow(m)) {
                moved++;
            }
        }
        return moved;
    }

    @Override
    public boolean delete(long mid) {
        SpooledMessage m = queue.find(mid);
        if (m == null) {
            return false;
        }
        List<Integer> pending = m.pending().stream().map(r -> r.recipient().rid()).toList();
        queue.work().forget(mid);
        queue.discard(m);
        queue.delivery().remove(mid);
        queue.log().deleted(mid, pending);
        return true;
    }

    @Override
    public QueueStatus status() {
        Map<Phase, Integer> counts = new EnumMap<>(Phase.class);
        for (Phase p : Phase.values()) {
            counts.put(p, 0);
        }
        Instant oldest = null;
        long bytes = 0;
        for (SpooledMessage m : queue.messages()) {
            counts.merge(m.phase(), 1, Integer::sum);
            bytes += m.size();
            if (oldest == null || m.received().isBefore(oldest)) {
                oldest = m.received();
            }
        }
        List<String> stages = queue.stages().current().stream()
                .map(s -> s.name() + "(" + s.order() + ")").toList();
        return new QueueStatus(counts, oldest, bytes, queue.work().backlog(), stages, queue.delivery().bound());
    }

    @Override
    public List<StageView> pipeline() {
        return queue.stages().view(() -> queue.work() == null ? 0 : queue.work().backlog());
    }

    @Override
    public boolean forgetStage(String name) {
        return queue.stages().forget(name);
    }
}
