package com.example.ats.refhost.spi;

import com.example.ats.messaging.spi.HostPermissions;
import com.example.ats.messaging.spi.HostUser;
import com.example.ats.refhost.candidates.CandidateAccess;
import com.example.ats.refhost.candidates.CandidateRepository;
import com.example.ats.refhost.users.User;
import com.example.ats.refhost.users.RecentUsers;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** The host's permission rules, offered to plugins through the SPI. */
public final class HostPermissionRules implements HostPermissions {
    private final CandidateRepository candidates;
    private final RecentUsers users;
    private final CandidateAccess access;

    public HostPermissionRules(CandidateRepository candidates, RecentUsers users, CandidateAccess access) {
        this.candidates = candidates;
        this.users = users;
        this.access = access;
    }

    @Override
    public boolean canView(HostUser user, String candidateId) {
        return HostIds.parse(user.id()).flatMap(users::byId)
                .flatMap(u -> HostIds.parse(candidateId).flatMap(candidates::findById).map(c -> access.canView(u, c)))
                .orElse(false);
    }

    @Override
    public Set<String> viewable(HostUser user, Collection<String> candidateIds) {
        Optional<User> viewer = HostIds.parse(user.id()).flatMap(users::byId);
        if (viewer.isEmpty()) {
            return Set.of();
        }
        List<Long> ids = candidateIds.stream().map(HostIds::parse).flatMap(Optional::stream).toList();
        return candidates.findByIds(ids).stream()
                .filter(candidate -> access.canView(viewer.get(), candidate))
                .map(candidate -> Long.toString(candidate.id()))
                .collect(Collectors.toSet());
    }

    @Override
    public boolean canContact(HostUser user, String candidateId) {
        // In this host whoever may see a candidate may also contact them.
        return canView(user, candidateId);
    }
}
