package com.example.ats.messaging.sms;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SmsSegmentsTest {
    @ParameterizedTest(name = "{0} chars of {1} -> {3} {2}")
    @CsvSource({
            "0, a, GSM7, 0",
            "160, a, GSM7, 1",
            "161, a, GSM7, 2",
            "306, a, GSM7, 2",
            "307, a, GSM7, 3",
            "70, é, GSM7, 1",      // é is in the GSM basic set
            "70, ж, UCS2, 1",
            "71, ж, UCS2, 2",
            "134, ж, UCS2, 2",
            "135, ж, UCS2, 3",
            "80, €, GSM7, 1",      // extension table: two units each, 160 units
            "81, €, GSM7, 2",
    })
    void countsSegmentsByEncoding(int length, String character, SmsSegments.Encoding encoding, int segments) {
        SmsSegments.Count count = SmsSegments.of(character.repeat(length));
        assertThat(count.encoding()).isEqualTo(encoding);
        assertThat(count.segments()).isEqualTo(segments);
    }

    @org.junit.jupiter.api.Test
    void oneCharacterOutsideGsmMakesTheWholeTextUcs2AndEmojiCountTwice() {
        assertThat(SmsSegments.of("a".repeat(69) + "ж").segments()).isEqualTo(1);
        assertThat(SmsSegments.of("a".repeat(70) + "ж").segments()).isEqualTo(2);
        assertThat(SmsSegments.of("😀").units()).isEqualTo(2);
        assertThat(SmsSegments.of("😀").encoding()).isEqualTo(SmsSegments.Encoding.UCS2);
    }
}
