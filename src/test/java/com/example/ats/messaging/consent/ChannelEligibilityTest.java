package com.example.ats.messaging.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.Mockito.when;

import com.example.ats.messaging.spi.HostCandidate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;

@ExtendWith(MockitoExtension.class)
class ChannelEligibilityTest {
    private static final HostCandidate DANA = new HostCandidate("1", "Dana Whitfield", "dana.whitfield@example.com", "+14155550101", true);
    private static final HostCandidate ELI = new HostCandidate("2", "Eli Okafor", "eli.okafor@example.com", "+447911123456", true);
    private static final HostCandidate FARAH = new HostCandidate("3", "Farah Haddad", "farah.haddad@example.com", "+14155550103", false);
    private static final HostCandidate GUS = new HostCandidate("4", "Gus Lindqvist", "gus.lindqvist@example.com", null, true);
    private static final HostCandidate HANA = new HostCandidate("5", "Hana Sato", "hana.sato@example.com", "12345", true);
    private static final HostCandidate NO_MAIL = new HostCandidate("6", "No Mail", " ", "+14155550106", true);

    @Mock
    private ConsentStore consent;

    @Test
    void theContractsDemoCandidatesGetTheirReasons() {
        when(consent.optedOut(anyCollection())).thenReturn(Set.of());
        ChannelEligibility eligibility = new ChannelEligibility(new PhoneNumbers("US"), consent);

        Map<String, ChannelEligibility.Channels> channels = eligibility.of(List.of(DANA, ELI, FARAH, GUS, HANA, NO_MAIL));

        assertThat(channels.get("1").sms()).isEqualTo(Availability.ALLOWED);
        assertThat(channels.get("2").sms()).as("UK mobile").isEqualTo(Availability.ALLOWED);
        assertThat(channels.get("3").sms()).isEqualTo(Availability.refused("NOT_OPTED_IN"));
        assertThat(channels.get("4").sms()).isEqualTo(Availability.refused("NO_PHONE"));
        assertThat(channels.get("5").sms()).isEqualTo(Availability.refused("INVALID_PHONE"));
        assertThat(channels.get("1").email()).isEqualTo(Availability.ALLOWED);
        assertThat(channels.get("6").email()).isEqualTo(Availability.refused("NO_EMAIL"));
    }

    @Test
    void anOptOutWinsOverTheHostsOptIn() {
        when(consent.isOptedOut("1")).thenReturn(true);
        ChannelEligibility eligibility = new ChannelEligibility(new PhoneNumbers("US"), consent);

        assertThat(eligibility.of(DANA).sms()).isEqualTo(Availability.refused("OPTED_OUT"));
        assertThat(eligibility.of(DANA).email()).isEqualTo(Availability.ALLOWED);
    }
}
