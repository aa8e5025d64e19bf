package com.example.ats.messaging.outbox;

import com.example.ats.messaging.conversation.Channel;
import com.example.ats.messaging.conversation.MessageStatus;
import com.example.ats.messaging.events.MessagingEvents;
import com.example.ats.messaging.spi.CandidateDirectory;
import com.example.ats.messaging.spi.HostCandidate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drains the outbox: one loop claims due messages in batches and hands each to a sender thread;
 * channel I/O runs in parallel up to a fixed number of sends in flight. Messages whose lease ran
 * out are reconciled with their channel before anything is sent again.
 */
public final class OutboxWorker implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OutboxWorker.class);
    private static final int BATCH = 100;

    private final OutboxStore store;
    private final Map<Channel, ChannelDispatcher> dispatchers = new EnumMap<>(Channel.class);
    private final CandidateDirectory directory;
    private final MessagingEvents events;
    private final RetryPolicy retries;
    private final Clock clock;
    private final Duration lease;
    private final Duration idlePoll;
    private final int concurrency;
    private final Semaphore inFlight;
    private final ExecutorService senders;
    private final Thread loop;
    private final com.example.ats.messaging.health.ChannelHealth health;
    private final Thread recorder;
    private final java.util.concurrent.BlockingQueue<Accepted> accepted = new java.util.concurrent.LinkedBlockingQueue<>();
    private final Object wakeUp = new Object();
    private volatile boolean running = true;

    public OutboxWorker(OutboxStore store, List<ChannelDispatcher> dispatchers, CandidateDirectory directory,
                        MessagingEvents events, Clock clock, Settings settings,
                        com.example.ats.messaging.health.ChannelHealth health) {
        this.health = health;
        this.store = store;
        dispatchers.forEach(dispatcher -> this.dispatchers.put(dispatcher.channel(), dispatcher));
        this.directory = directory;
        this.events = events;
        this.retries = settings.retries();
        this.clock = clock;
        this.lease = settings.lease();
        this.idlePoll = settings.idlePoll();
        this.concurrency = settings.concurrency();
        this.inFlight = new Semaphore(concurrency);
        AtomicInteger threads = new AtomicInteger();
        this.senders = Executors.newFixedThreadPool(concurrency, runnable -> {
            Thread thread = new Thread(runnable, "messaging-outbox-send-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.loop = new Thread(this::run, "messaging-outbox");
        this.loop.setDaemon(true);
        this.recorder = new Thread(this::recordAccepted, "messaging-outbox-record");
        this.recorder.setDaemon(true);
    }

    /** A send the provider accepted, waiting to be recorded with others in one transaction. */
    private record Accepted(ClaimedMessage message, SendOutcome.Sent sent) {
    }

    /**
     * @param lease       how long a claimed message may be in flight before it counts as abandoned
     * @param idlePoll    how often an idle worker looks for due messages (other nodes queue too)
     * @param concurrency sends in flight at once
     * @param retries     when to try again after a transient failure
     */
    public record Settings(Duration lease, Duration idlePoll, int concurrency, RetryPolicy retries) {
        public static Settings standard() {
            return new Settings(Duration.ofMinutes(2), Duration.ofMillis(250), 16,
                    RetryPolicy.standard(new java.security.SecureRandom()));
        }
    }

    public OutboxWorker start() {
        loop.start();
        recorder.start();
        return this;
    }

    /** Something was queued: look now rather than at the next poll. */
    public void wake() {
        synchronized (wakeUp) {
            wakeUp.notifyAll();
        }
    }

    private void run() {
        while (running) {
            try {
                int found = reconcileExpired() + claimAndSend();
                if (found == 0 && running) {
                    synchronized (wakeUp) {
                        wakeUp.wait(idlePoll.toMillis());
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (!running) {
                    return; // a failure while stopping is the stop itself
                }
                // The database may be away for a moment; the outbox is durable, so wait and go on.
                LOG.warn("Outbox round failed, trying again shortly: {}", e.toString());
                sleepQuietly(Duration.ofSeconds(1));
            }
        }
    }

    private int claimAndSend() throws InterruptedException {
        if (!inFlight.tryAcquire(idlePoll.toMillis(), TimeUnit.MILLISECONDS)) {
            return 0;
        }
        int free = 1 + inFlight.drainPermits();
        List<ClaimedMessage> claimed;
        try {
            claimed = store.claimDue(Math.min(free, BATCH), lease);
        } catch (RuntimeException e) {
            inFlight.release(free);
            throw e;
        }
        inFlight.release(free - claimed.size());
        for (ClaimedMessage message : claimed) {
            events.announceStatus(message, MessageStatus.SENDING);
            try {
                senders.execute(() -> {
                    try {
                        send(message);
                    } finally {
                        inFlight.release();
                    }
                });
            } catch (java.util.concurrent.RejectedExecutionException stopping) {
                // Claimed but certainly not sent: straight back into the queue, not left to reconcile.
                inFlight.release();
                store.retryAt(message.messageId(), clock.instant(), null, null);
            }
        }
        return claimed.size();
    }

    private void send(ClaimedMessage message) {
        try {
            Optional<OutboundEnvelope> envelope = envelope(message);
            if (envelope.isEmpty()) {
                return;
            }
            SendOutcome outcome = dispatchers.get(message.channel()).send(envelope.get());
            record(message, outcome);
        } catch (RuntimeException e) {
            // A bug or the database failing after the provider answered: leave the claim to run out,
            // so reconciliation (not a blind resend) decides.
            LOG.error("Sending message {} failed unexpectedly; it will be reconciled", message.messageId(), e);
        }
    }

    private void record(ClaimedMessage message, SendOutcome outcome) {
        if (outcome instanceof SendOutcome.Sent sent) {
            health.succeeded(message.channel());
            accepted.add(new Accepted(message, sent));
        } else if (outcome instanceof SendOutcome.Failed failed) {
            health.failed(message.channel(), failed.code(), failed.reason());
            fail(message, failed.code(), failed.reason());
        } else if (outcome instanceof SendOutcome.TryLater later) {
            health.failed(message.channel(), later.code(), later.reason());
            if (!retries.mayRetryAfter(message.attempts())) {
                fail(message, later.code(), later.reason());
                return;
            }
            Instant at = clock.instant().plus(retries.delayAfter(message.attempts()));
            if (store.retryAt(message.messageId(), at, later.code(), later.reason())) {
                events.announceStatus(message, MessageStatus.QUEUED);
            }
        } else if (outcome instanceof SendOutcome.Uncertain uncertain) {
            health.failed(message.channel(), uncertain.code(), uncertain.reason());
            store.reconcileSoon(message.messageId(), uncertain.code(), uncertain.reason());
        }
    }

    /**
     * Writes accepted sends in batches of what arrived meanwhile. Until written, a message is still
     * SENDING under its lease: a crash in between leaves it to reconciliation, never to a resend.
     */
    private void recordAccepted() {
        List<Accepted> batch = new java.util.ArrayList<>();
        while (running || !accepted.isEmpty() || loop.isAlive() || !senders.isTerminated()) {
            try {
                Accepted first = accepted.poll(50, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                accepted.drainTo(batch, 499);
                java.util.Map<Long, SendOutcome.Sent> sent = new java.util.LinkedHashMap<>();
                batch.forEach(a -> sent.put(a.message().messageId(), a.sent()));
                java.util.Set<Long> recorded = store.markAllSent(sent);
                batch.stream().filter(a -> recorded.contains(a.message().messageId()))
                        .forEach(a -> events.announceStatus(a.message(), MessageStatus.SENT));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.warn("Recording {} sent messages failed; they will be reconciled: {}", batch.size(), e.toString());
            } finally {
                batch.clear();
            }
        }
    }

    private void fail(ClaimedMessage message, String code, String reason) {
        if (store.fail(message.messageId(), code, reason)) {
            LOG.info("Message {} failed: {} {}", message.messageId(), code, reason);
            events.announceStatus(message, MessageStatus.FAILED);
        }
    }

    private int reconcileExpired() {
        List<ClaimedMessage> expired = store.claimExpired(BATCH, lease);
        for (ClaimedMessage message : expired) {
            try {
                reconcile(message);
            } catch (RuntimeException e) {
                LOG.warn("Reconciling message {} failed; asking again later: {}", message.messageId(), e.toString());
            }
        }
        return expired.size();
    }

    private void reconcile(ClaimedMessage message) {
        Optional<OutboundEnvelope> envelope = envelope(message);
        if (envelope.isEmpty()) {
            return;
        }
        Reconciliation found = dispatchers.get(message.channel()).reconcile(envelope.get());
        if (found instanceof Reconciliation.WasSent wasSent) {
            record(message, wasSent.sent());
        } else if (found instanceof Reconciliation.WasNotSent) {
            LOG.info("Message {} had not reached its provider; queued again", message.messageId());
            store.retryAt(message.messageId(), clock.instant(), null, null);
        } else if (found instanceof Reconciliation.Unknowable unknowable) {
            fail(message, unknowable.code(), unknowable.reason());
        } else if (found instanceof Reconciliation.AskLater) {
            store.askAgainAt(message.messageId(), clock.instant().plus(retries.delayAfter(1)));
        }
    }

    /** The envelope to send, or empty when the candidate is gone (then the message has failed). */
    private Optional<OutboundEnvelope> envelope(ClaimedMessage message) {
        Optional<HostCandidate> candidate = directory.get(message.candidateId());
        if (candidate.isEmpty()) {
            fail(message, "CANDIDATE_GONE", "The candidate no longer exists in the ATS.");
            return Optional.empty();
        }
        String token = message.replyToken() != null ? message.replyToken()
                : store.ensureReplyToken(message.conversationId());
        return Optional.of(new OutboundEnvelope(message.messageId(), message.conversationId(), message.channel(),
                candidate.get(), message.subject(), message.body(), message.authorName(), token, message.attempts(),
                clock.instant()));
    }

    /**
     * Stops claiming, lets the loop finish its round (what it claimed is handed over) and the
     * senders finish what they hold. Not interrupted mid-statement: an interrupted JDBC call could
     * leave a claim that was never sent looking like one that might have been.
     */
    @Override
    public void close() {
        running = false;
        wake();
        try {
            loop.join(TimeUnit.SECONDS.toMillis(10));
            if (loop.isAlive()) {
                loop.interrupt();
            }
            senders.shutdown();
            if (!senders.awaitTermination(10, TimeUnit.SECONDS)) {
                // Whatever is still sending keeps its lease; the next start reconciles it.
                senders.shutdownNow();
            }
            recorder.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleepQuietly(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
