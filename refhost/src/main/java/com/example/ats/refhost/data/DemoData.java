package com.example.ats.refhost.data;

import com.example.ats.messaging.spi.HostRole;
import com.example.ats.refhost.candidates.CandidateRepository;
import com.example.ats.refhost.candidates.CandidateRepository.NewCandidate;
import com.example.ats.refhost.users.Passwords;
import com.example.ats.refhost.users.User;
import com.example.ats.refhost.users.UserRepository;
import com.example.ats.refhost.users.UserRepository.NewUser;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

/** The demo users and candidates of CONTRACT §2, added on the first start (an empty database). */
public final class DemoData {
    /** Demo users; each one's password is their user name. */
    static final List<NewUser> USERS = List.of(
            user("admin", "Ada Admin", "admin@ats.example.com", HostRole.ADMIN, true),
            user("alice", "Alice Recruiter", "alice@ats.example.com", HostRole.RECRUITER, true),
            user("bob", "Bob Recruiter", "bob@ats.example.com", HostRole.RECRUITER, false),
            user("carol", "Carol Candidate", "carol@example.com", HostRole.PORTAL, false));

    private static final String[] FIRST = {"Amara", "Bruno", "Chen", "Daria", "Emeka", "Freya", "Goran",
        "Hiroshi", "Ines", "Jonas", "Kemal", "Lucia", "Mateo", "Nadia", "Oskar", "Priya", "Quentin", "Rosa",
        "Samir", "Tova", "Ugo", "Vera", "Wanjiru", "Xavier", "Yara", "Zoltan", "Anika", "Bilal", "Clara",
        "Dmitri", "Elif", "Felipe", "Greta"};
    private static final String[] LAST = {"Adeyemi", "Berg", "Castillo", "Dubois", "Eriksen", "Fischer",
        "Garcia", "Hoffmann", "Ivanova", "Jensen", "Kowalski", "Larsen", "Moreau", "Nakamura", "Olsen",
        "Pereira", "Quinn", "Rossi", "Schmidt", "Takahashi", "Umarov", "Varga", "Weber", "Xu", "Yilmaz",
        "Zimmermann", "Andersson", "Bianchi", "Costa", "Dimitrov", "Esposito", "Fontaine", "Gallagher"};
    private static final String[] HEADLINES = {"Backend engineer", "Product designer", "Data analyst",
        "Site reliability engineer", "Frontend engineer", "Engineering manager", "QA engineer",
        "Technical writer", "Mobile developer", "Security engineer", "Recruiting coordinator"};

    private final UserRepository users;
    private final CandidateRepository candidates;
    private final Passwords passwords;

    public DemoData(UserRepository users, CandidateRepository candidates, Passwords passwords) {
        this.users = users;
        this.candidates = candidates;
        this.passwords = passwords;
    }

    /** Adds the demo data unless there are users already; true when it did. */
    public boolean seedIfEmpty() {
        if (!users.all().isEmpty()) {
            return false;
        }
        User carol = null;
        for (NewUser user : USERS) {
            User added = users.insert(user, passwords.hash(user.username()));
            if (user.role() == HostRole.PORTAL) {
                carol = added;
            }
        }
        for (NewCandidate candidate : namedCandidates(carol.id())) {
            candidates.insert(candidate);
        }
        for (int i = 0; i < FIRST.length; i++) {
            candidates.insert(generated(i));
        }
        return true;
    }

    static List<NewCandidate> namedCandidates(long carolUserId) {
        return List.of(
                candidate("Dana Whitfield", "dana.whitfield@example.com", "+14155550101", true, false, "Backend engineer"),
                candidate("Eli Okafor", "eli.okafor@example.com", "+447911123456", true, false, "Data scientist"),
                candidate("Farah Haddad", "farah.haddad@example.com", "+14155550103", false, false, "Product manager"),
                candidate("Gus Lindqvist", "gus.lindqvist@example.com", null, true, false, "UX researcher"),
                candidate("Hana Sato", "hana.sato@example.com", "12345", true, false, "Frontend engineer"),
                candidate("Ivan Petrov", "ivan.petrov@example.com", "+14155550106", true, true, "VP Engineering"),
                new NewCandidate("Carol Candidate", "carol@example.com", "+14155550107", true, false,
                        "Customer success lead", carolUserId));
    }

    /** A varied but fixed candidate: names, opt-ins and phone styles differ, results never change. */
    static NewCandidate generated(int i) {
        String name = FIRST[i] + " " + LAST[(i * 7) % LAST.length];
        String email = (FIRST[i] + "." + LAST[(i * 7) % LAST.length]).toLowerCase(Locale.ROOT) + "@example.org";
        String phone = i % 5 == 4 ? null : String.format(Locale.ROOT, "+1415555%04d", 200 + i);
        boolean optIn = i % 3 != 2;
        return candidate(name, email, phone, optIn, false, HEADLINES[i % HEADLINES.length]);
    }

    private static NewCandidate candidate(String name, String email, String phone, boolean optIn, boolean confidential,
                                          String headline) {
        return new NewCandidate(name, email, phone, optIn, confidential, headline, null);
    }

    private static NewUser user(String username, String name, String email, HostRole role, boolean confidential) {
        return new NewUser(username, name, email, role, confidential, Locale.ENGLISH, ZoneId.of("UTC"));
    }
}
