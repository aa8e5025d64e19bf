package com.example.ats.messaging.sms;

import com.example.ats.messaging.outbox.SendOutcome;
import com.twilio.exception.ApiConnectionException;
import com.twilio.exception.ApiException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.HttpHostConnectException;

/** Sorts Twilio's answers and connection trouble into retry, give up, or "may have gone out". */
final class TwilioFailures {
    /** Twilio: the recipient replied STOP to this sender; sending is refused until they reply START. */
    static final int UNSUBSCRIBED_RECIPIENT = 21610;

    private TwilioFailures() {
    }

    static SendOutcome classify(RuntimeException failure) {
        // Connection trouble first: the SDK reports it as ApiConnectionException or as an
        // ApiException without an HTTP status, with the I/O exception as its cause.
        for (Throwable t = failure.getCause(); t != null; t = t.getCause()) {
            if (t instanceof ConnectTimeoutException || t instanceof HttpHostConnectException
                    || t instanceof ConnectException || t instanceof UnknownHostException
                    || t instanceof NoRouteToHostException) {
                return new SendOutcome.TryLater("TWILIO_UNREACHABLE", "Twilio could not be reached: " + t.getMessage());
            }
            if (t instanceof IOException) {
                // The request may have arrived and only the answer was lost: ask Twilio before resending.
                return new SendOutcome.Uncertain("TWILIO_NO_ANSWER", "Twilio did not answer in time.");
            }
        }
        if (failure instanceof ApiException api && api.getStatusCode() != null) {
            int status = api.getStatusCode();
            if (api.getCode() != null && api.getCode() == UNSUBSCRIBED_RECIPIENT) {
                return new SendOutcome.Failed("OPTED_OUT", "The candidate replied STOP to this number; Twilio refuses to text them.");
            }
            if (status == 429) {
                return new SendOutcome.TryLater("TWILIO_THROTTLED", "Twilio asked to slow down (429).");
            }
            if (status >= 500) {
                // Twilio answered with an error: the message was not created, so trying again is safe.
                return new SendOutcome.TryLater("TWILIO_UNAVAILABLE", "Twilio had a problem (" + status + "): " + api.getMessage());
            }
            if (status == 401 || status == 403) {
                return new SendOutcome.TryLater("TWILIO_AUTH_FAILED", "Twilio refused the account credentials.");
            }
            return new SendOutcome.Failed("TWILIO_REFUSED", "Twilio refused the message"
                    + (api.getCode() == null ? "" : " (error " + api.getCode() + ")") + ": " + api.getMessage());
        }
        if (failure instanceof ApiConnectionException || failure instanceof ApiException) {
            return new SendOutcome.Uncertain("TWILIO_NO_ANSWER", "Twilio gave no usable answer: " + failure.getMessage());
        }
        return new SendOutcome.TryLater("TWILIO_ERROR", "Sending the text failed: " + failure);
    }
}
