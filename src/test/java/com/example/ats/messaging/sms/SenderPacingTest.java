package com.example.ats.messaging.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Pacing spaces sends per sender number; off at rate 0. Checked by elapsed time with wide margins. */
class SenderPacingTest {
    @Test
    void sendsFromOneNumberAreSpacedAndOtherNumbersAreNotHeldUp() throws InterruptedException {
        SenderPacing pacing = new SenderPacing(() -> 20); // one every 50 ms
        long started = System.nanoTime();
        for (int i = 0; i < 6; i++) {
            pacing.awaitTurn("+15005550006");
        }
        long paced = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        long otherStarted = System.nanoTime();
        pacing.awaitTurn("+15005550007");
        long other = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - otherStarted);

        assertThat(paced).as("5 intervals of 50 ms").isGreaterThanOrEqualTo(240);
        assertThat(other).isLessThan(50);
    }

    @Test
    void rateZeroMeansNoPacing() throws InterruptedException {
        SenderPacing pacing = new SenderPacing(() -> 0);
        long started = System.nanoTime();
        for (int i = 0; i < 1000; i++) {
            pacing.awaitTurn("+15005550006");
        }
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).isLessThan(1000);
    }
}
