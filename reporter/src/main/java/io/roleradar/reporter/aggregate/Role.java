package io.roleradar.reporter.aggregate;

import io.roleradar.model.RemoteMode;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One role as the figures count it: the near-duplicate postings of a company ({@link RoleGroups})
 * taken together. Its tags are those of its first posting (by id); what differs from posting to
 * posting is gathered: every country and city it is posted in, the first work mode stated, the
 * first pay range the figures can count, the earliest date.
 *
 * @param first the posting whose tags the role takes
 */
record Role(PostingFacts first, LocalDate date, RemoteMode remote, Pay pay, Map<String, Set<String>> places) {
    /** The country of a role posted nowhere known. */
    static final String UNKNOWN_COUNTRY = "UNKNOWN";

    static Role of(List<PostingFacts> members) {
        PostingFacts first = members.get(0);
        LocalDate date = null;
        RemoteMode remote = RemoteMode.UNKNOWN;
        Pay pay = null;
        Map<String, Set<String>> places = new LinkedHashMap<>();
        for (PostingFacts m : members) {
            LocalDate d = m.date();
            if (d != null && (date == null || d.isBefore(date))) {
                date = d;
            }
            if (remote == RemoteMode.UNKNOWN) {
                remote = m.remote();
            }
            if (pay == null && m.pay() != null && m.pay().countable()) {
                pay = m.pay();
            }
            if (m.country() != null) {
                Set<String> cities = places.computeIfAbsent(m.country(), c -> new LinkedHashSet<>());
                if (m.city() != null) {
                    cities.add(m.city());
                }
            }
        }
        if (places.isEmpty()) {
            places.put(UNKNOWN_COUNTRY, Set.of());
        }
        return new Role(first, date, remote, pay, places);
    }
}
