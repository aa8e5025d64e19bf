package com.example.ats.refhost.data;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.ats.messaging.spi.HostRole;
import com.example.ats.refhost.candidates.Candidate;
import com.example.ats.refhost.candidates.CandidateAccess;
import com.example.ats.refhost.candidates.CandidateRepository;
import com.example.ats.refhost.candidates.PhoneNumbers;
import com.example.ats.refhost.users.Passwords;
import com.example.ats.refhost.users.User;
import com.example.ats.refhost.users.UserRepository;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The demo data of CONTRACT §2, on H2 and on PostgreSQL. */
class DemoDataTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2", "postgresql"})
    void contractDemoDataIsThereAfterTheFirstStartOnly(String database) {
        String url = database.equals("h2") ? TestDatabases.freshH2() : TestDatabases.freshPostgresSchema();
        String user = database.equals("h2") ? "sa" : TestDatabases.POSTGRES_USER;
        try (HostDatabase db = HostDatabase.open(url, user, "")) {
            UserRepository users = new UserRepository(db.dataSource());
            CandidateRepository candidates = new CandidateRepository(db.dataSource(), new PhoneNumbers("US"), Clock.systemUTC());
            DemoData demo = new DemoData(users, candidates, new Passwords(new SecureRandom()));

            assertThat(demo.seedIfEmpty()).isTrue();
            assertThat(demo.seedIfEmpty()).as("second start adds nothing").isFalse();

            Map<String, User> byName = users.all().stream().collect(Collectors.toMap(User::username, u -> u));
            assertThat(byName).containsOnlyKeys("admin", "alice", "bob", "carol");
            assertThat(byName.get("admin").role()).isEqualTo(HostRole.ADMIN);
            assertThat(byName.get("admin").email()).isEqualTo("admin@ats.example.com");
            assertThat(byName.get("alice").email()).isEqualTo("alice@ats.example.com");
            assertThat(byName.get("bob").email()).isEqualTo("bob@ats.example.com");
            assertThat(byName.get("carol").email()).isEqualTo("carol@example.com");
            assertThat(byName.get("carol").role()).isEqualTo(HostRole.PORTAL);

            assertThat(candidates.count()).isGreaterThanOrEqualTo(40);
            assertCandidate(candidates, "Dana Whitfield", "dana.whitfield@example.com", "+14155550101", true);
            assertCandidate(candidates, "Eli Okafor", "eli.okafor@example.com", "+447911123456", true);
            assertCandidate(candidates, "Farah Haddad", "farah.haddad@example.com", "+14155550103", false);
            assertCandidate(candidates, "Gus Lindqvist", "gus.lindqvist@example.com", null, true);
            assertCandidate(candidates, "Hana Sato", "hana.sato@example.com", "12345", true);
            assertCandidate(candidates, "Ivan Petrov", "ivan.petrov@example.com", "+14155550106", true);
            assertCandidate(candidates, "Carol Candidate", "carol@example.com", "+14155550107", true);

            Candidate ivan = candidates.search("Ivan Petrov", true, 5).get(0);
            CandidateAccess access = new CandidateAccess();
            assertThat(access.canView(byName.get("alice"), ivan)).isTrue();
            assertThat(access.canView(byName.get("bob"), ivan)).isFalse();
            assertThat(access.canView(byName.get("admin"), ivan)).isTrue();
            assertThat(access.canView(byName.get("carol"), ivan)).isFalse();
            assertThat(candidates.search("petrov", false, 5)).as("bob's search").isEmpty();

            assertThat(candidates.findByIds(List.of(ivan.id(), 999_999L))).extracting(Candidate::name)
                    .containsExactly("Ivan Petrov");
            Candidate carol = candidates.search("Carol Candidate", true, 5).get(0);
            assertThat(carol.portalUserId()).isEqualTo(byName.get("carol").id());
            assertThat(candidates.findByPhone("+447911123456")).extracting(Candidate::name).containsExactly("Eli Okafor");
            assertThat(candidates.findByEmail("DANA.Whitfield@example.com")).extracting(Candidate::name)
                    .containsExactly("Dana Whitfield");
        }
    }

    private static void assertCandidate(CandidateRepository candidates, String name, String email, String phone,
                                        boolean optIn) {
        List<Candidate> found = candidates.search(name, true, 5);
        assertThat(found).as(name).hasSize(1);
        Candidate candidate = found.get(0);
        assertThat(candidate.email()).isEqualTo(email);
        assertThat(candidate.phone()).isEqualTo(phone);
        assertThat(candidate.smsOptIn()).isEqualTo(optIn);
        assertThat(candidate.confidential()).isEqualTo(name.equals("Ivan Petrov"));
    }
}
