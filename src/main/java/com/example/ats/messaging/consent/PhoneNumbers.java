package com.example.ats.messaging.consent;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import java.util.Optional;

/** Phone numbers as libphonenumber sees them: valid numbers only, in E.164. */
public final class PhoneNumbers {
    private final PhoneNumberUtil util = PhoneNumberUtil.getInstance();
    private final String defaultRegion;

    /** @param defaultRegion region for numbers written without a country code, e.g. "US" */
    public PhoneNumbers(String defaultRegion) {
        this.defaultRegion = defaultRegion;
    }

    public Optional<String> toE164(String raw) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        try {
            Phonenumber.PhoneNumber number = util.parse(raw, defaultRegion);
            return util.isValidNumber(number)
                    ? Optional.of(util.format(number, PhoneNumberUtil.PhoneNumberFormat.E164))
                    : Optional.empty();
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }
}
