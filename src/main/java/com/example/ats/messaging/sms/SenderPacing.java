package com.example.ats.messaging.sms;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.DoubleSupplier;

/**
 * Spaces sends from one sender number evenly (carriers throttle a long code at about one message a
 * second): each send books the next free slot of its number and waits for it. Off at rate 0.
 */
final class SenderPacing {
    private final DoubleSupplier messagesPerSecond;
    private final ConcurrentHashMap<String, AtomicLong> nextSlot = new ConcurrentHashMap<>();

    SenderPacing(DoubleSupplier messagesPerSecond) {
        this.messagesPerSecond = messagesPerSecond;
    }

    void awaitTurn(String sender) throws InterruptedException {
        double rate = messagesPerSecond.getAsDouble();
        if (rate <= 0) {
            return;
        }
        long interval = (long) (TimeUnit.SECONDS.toNanos(1) / rate);
        AtomicLong next = nextSlot.computeIfAbsent(sender, s -> new AtomicLong(System.nanoTime()));
        long now = System.nanoTime();
        long slot = next.getAndUpdate(previous -> Math.max(previous, now) + interval);
        long wait = Math.max(slot, now) - now;
        if (wait > 0) {
            TimeUnit.NANOSECONDS.sleep(wait);
        }
    }
}
