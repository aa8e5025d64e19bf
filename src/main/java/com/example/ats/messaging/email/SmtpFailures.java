package com.example.ats.messaging.email;

import com.example.ats.messaging.outbox.SendOutcome;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.SendFailedException;
import java.net.SocketTimeoutException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.util.MailConnectException;

/** Sorts what went wrong talking to the SMTP server into retry, give up, or "may have gone out". */
final class SmtpFailures {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SmtpFailures.class);
    private SmtpFailures() {
    }

    static SendOutcome classify(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof MailConnectException) {
                return new SendOutcome.TryLater("SMTP_UNREACHABLE", "The mail server could not be reached: " + t.getMessage());
            }
            if (t instanceof AuthenticationFailedException) {
                return new SendOutcome.TryLater("SMTP_AUTH_FAILED", "The mail server refused the login: " + t.getMessage());
            }
            if (t instanceof SMTPAddressFailedException address) {
                return byReplyCode(address.getReturnCode(), "INVALID_ADDRESS",
                        "The mail server refused the address " + address.getAddress() + ": " + oneLine(address.getMessage()));
            }
            if (t instanceof SMTPSendFailedException send) {
                return byReplyCode(send.getReturnCode(), "SMTP_REFUSED", "The mail server refused the message: "
                        + oneLine(send.getMessage()));
            }
            if (t instanceof SendFailedException send && send.getNextException() != null) {
                return classify(send.getNextException());
            }
            if (t instanceof SocketTimeoutException) {
                return new SendOutcome.Uncertain("SMTP_TIMEOUT", "The mail server stopped answering while sending.");
            }
        }
        // Not a failure we know: keep the details in the log for whoever looks into it.
        LOG.warn("Unexpected failure sending email", failure);
        return new SendOutcome.TryLater("SMTP_ERROR", "Sending the email failed: " + oneLine(String.valueOf(failure)));
    }

    /** 4xx: the server asks to come back later; 5xx: it will not take this message. */
    private static SendOutcome byReplyCode(int code, String failedCode, String reason) {
        return code >= 400 && code < 500 ? new SendOutcome.TryLater("SMTP_TEMPORARY", reason)
                : new SendOutcome.Failed(failedCode, reason);
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("\\s+", " ").trim();
    }
}
