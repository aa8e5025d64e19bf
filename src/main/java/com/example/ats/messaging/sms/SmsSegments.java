package com.example.ats.messaging.sms;

/**
 * How many SMS segments a text takes: GSM-7 when every character is in the GSM 03.38 alphabet
 * (160 per single message, 153 per part when split; characters of the extension table count
 * twice), UCS-2 otherwise (70, or 67 per part; characters outside the BMP count twice).
 */
public final class SmsSegments {
    private static final String GSM_BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private static final String GSM_EXTENDED = "^{}\\[~]|€\f";

    public enum Encoding { GSM7, UCS2 }

    public record Count(Encoding encoding, int units, int segments) {
    }

    private SmsSegments() {
    }

    public static Count of(String text) {
        int gsmUnits = 0;
        boolean gsm = true;
        for (int i = 0; i < text.length() && gsm; i++) {
            char c = text.charAt(i);
            if (GSM_BASIC.indexOf(c) >= 0) {
                gsmUnits += 1;
            } else if (GSM_EXTENDED.indexOf(c) >= 0) {
                gsmUnits += 2;
            } else {
                gsm = false;
            }
        }
        if (gsm) {
            return new Count(Encoding.GSM7, gsmUnits, segments(gsmUnits, 160, 153));
        }
        int ucsUnits = text.length(); // UTF-16 code units: a surrogate pair takes two
        return new Count(Encoding.UCS2, ucsUnits, segments(ucsUnits, 70, 67));
    }

    private static int segments(int units, int single, int perPart) {
        if (units == 0) {
            return 0;
        }
        return units <= single ? 1 : (units + perPart - 1) / perPart;
    }
}
