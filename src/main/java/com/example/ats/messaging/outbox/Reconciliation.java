package com.example.ats.messaging.outbox;

/** What a channel found out about a message whose send may or may not have happened. */
public sealed interface Reconciliation {
    /** The provider has it: record it as sent. */
    record WasSent(SendOutcome.Sent sent) implements Reconciliation {
    }

    /** The provider certainly does not have it: safe to send again. */
    record WasNotSent() implements Reconciliation {
    }

    /** Nobody can tell (SMTP keeps no record we could ask): end failed, a person decides on a resend. */
    record Unknowable(String code, String reason) implements Reconciliation {
    }

    /** The provider could not be asked right now: ask again later. */
    record AskLater(String reason) implements Reconciliation {
    }
}
