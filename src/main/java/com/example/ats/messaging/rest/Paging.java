package com.example.ats.messaging.rest;

import java.util.List;

/** Paging parameters shared by the list endpoints. */
public final class Paging {
    private Paging() {
    }

    /** The limit a client asked for: the default when absent, 400 INVALID_LIMIT when not 1..max. */
    public static int limit(String requested, int defaultLimit, int maxLimit) {
        if (requested == null || requested.isBlank()) {
            return defaultLimit;
        }
        try {
            int limit = Integer.parseInt(requested.trim());
            if (limit >= 1 && limit <= maxLimit) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new ApiException(400, "INVALID_LIMIT", "messaging.error.invalid.limit", maxLimit);
    }

    /** The first {@code limit} rows of a query that fetched {@code limit + 1} to learn whether more exist. */
    public static <T> List<T> head(List<T> rows, int limit) {
        return rows.size() > limit ? rows.subList(0, limit) : rows;
    }
}
