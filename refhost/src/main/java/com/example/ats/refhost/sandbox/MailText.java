package com.example.ats.refhost.sandbox;

import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.MessagingException;
import java.io.IOException;

/** The plain-text part of a mail, for showing it in the sandbox's pages. */
final class MailText {
    private MailText() {
    }

    static String plain(Part part) throws MessagingException, IOException {
        if (part.isMimeType("text/plain")) {
            return part.getContent().toString();
        }
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                String text = plain(multipart.getBodyPart(i));
                if (text != null) {
                    return text;
                }
            }
        }
        return part.isMimeType("text/html") ? "(HTML only)" : null;
    }
}
