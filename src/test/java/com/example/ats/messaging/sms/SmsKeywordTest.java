package com.example.ats.messaging.sms;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SmsKeywordTest {
    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {
            "STOP|OPT_OUT", "stop|OPT_OUT", "STOPALL|OPT_OUT", "UNSUBSCRIBE|OPT_OUT",
            "cancel|OPT_OUT", "END|OPT_OUT", "quit|OPT_OUT", "REVOKE|OPT_OUT", "OptOut|OPT_OUT",
            "START|OPT_IN", "yes|OPT_IN", "Unstop|OPT_IN",
            "HELP|HELP", "info|HELP",
            "stop by tomorrow|NONE", "STOP.|NONE", "yes please|NONE", "''|NONE", "Thanks, see you|NONE",
    })
    void onlyASingleKeywordCounts(String body, SmsKeyword expected) {
        assertThat(SmsKeyword.of(body)).isEqualTo(expected);
    }

    @org.junit.jupiter.api.Test
    void surroundingBlanksAndLineBreaksAreIgnored() {
        assertThat(SmsKeyword.of("  Stop \n")).isEqualTo(SmsKeyword.OPT_OUT);
        assertThat(SmsKeyword.of(null)).isEqualTo(SmsKeyword.NONE);
    }
}
