package io.roleradar.reporter.aggregate;

import io.roleradar.model.Domain;
import io.roleradar.model.DomainTag;
import io.roleradar.model.InterviewProcess;
import io.roleradar.model.Level;
import io.roleradar.model.Quadrant;
import io.roleradar.model.RawPosting;
import io.roleradar.model.RemoteMode;
import io.roleradar.model.Round;
import io.roleradar.model.TaggedPosting;
import io.roleradar.model.Tags;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What the reports need of one tagged posting, and nothing more: no description, no evidence, no
 * round reasons. One of these is kept per posting id, so its size bounds the reporter's memory
 * (about 300 bytes a posting with its table slot, against several kilobytes for the posting):
 * the id, title and URL share one array ({@link PostingText}), and the values that repeat from
 * posting to posting (company, source, taxonomy version, dates, domain lists) are shared through
 * an {@link Interner}. Round weights vary too much to be worth sharing.
 *
 * @param company         null when the posting names none
 * @param source          null when unknown
 * @param postedAt        null when unknown
 * @param fetchedOn       the UTC day it was fetched, null when unknown
 * @param quadrant        null for a non-ML posting
 * @param level           null when not tagged (non-ML postings written before level was tagged on every posting)
 * @param manager         null when not tagged
 * @param domains         the domains, highest score first (ties in taxonomy order), each once
 * @param rounds          the round weights the classifier infers ({@link RoundWeights#NONE} for a non-ML posting)
 * @param statedRounds    the rounds the posting's own description of its hiring process states (empty when
 *                        its steps state none); null when the posting describes no hiring process
 * @param remote          the work mode (UNKNOWN when the posting does not say)
 * @param country         ISO 3166-1 alpha-2 code of the primary location's country, null when unknown
 * @param city            the primary location's city, null when unknown
 * @param pay             the pay range as stated, null when the posting states none
 * @param firstSeenAt     the day of the ingest run that first published it, null when unknown
 * @param closedAt        the day a whole-board run no longer listed it; null while it is open
 * @param signature       the {@link TextSignature} of its title and description, to find near-duplicates;
 *                        {@link TextSignature#NONE} for a non-ML posting
 */
public record PostingFacts(PostingText text, String company, String source, String taxonomyVersion,
                           LocalDate postedAt, LocalDate fetchedOn, boolean mlRole, Quadrant quadrant, Level level,
                           Boolean manager, List<Domain> domains, RoundWeights rounds, Set<Round> statedRounds,
                           RemoteMode remote, String country, String city, Pay pay, LocalDate firstSeenAt,
                           LocalDate closedAt, long signature) {
    /** Orders by id (UTF-8 byte order, which is code point order), without decoding the ids. */
    public static final Comparator<PostingFacts> BY_ID = (a, b) -> PostingText.BY_ID.compare(a.text, b.text);
    private static final Comparator<DomainTag> BY_SCORE = Comparator.comparingDouble(DomainTag::score).reversed()
            .thenComparing(DomainTag::domain);

    public PostingFacts {
        Objects.requireNonNull(text, "text");
        domains = List.copyOf(domains); // as statedRounds: no copy of what is immutable already
        Objects.requireNonNull(rounds, "rounds");
        // An immutable copy, unless it is one already: shared instances from the interner stay shared.
        statedRounds = statedRounds == null ? null : Set.copyOf(statedRounds);
        remote = remote == null ? RemoteMode.UNKNOWN : remote;
    }

    /** The facts of a tagged posting; values that repeat across postings are shared through {@code interner}. */
    public static PostingFacts of(TaggedPosting tagged, Interner interner) {
        RawPosting p = tagged.posting();
        Tags tags = tagged.tags();
        return new PostingFacts(new PostingText(p.id(), p.title(), blankToNull(p.sourceUrl())),
                interner.intern(blankToNull(p.company())), interner.intern(blankToNull(p.source())),
                interner.intern(tags.taxonomyVersion()), interner.intern(p.postedAt()),
                interner.intern(utcDay(p.fetchedAt())), tags.mlRole(), tags.quadrant(), tags.level(), tags.manager(),
                interner.intern(domains(tags.domains())), RoundWeights.of(tags.rounds()),
                interner.intern(statedRounds(tags.interviewProcess())), p.remote(),
                interner.intern(countryCode(p.country())), interner.intern(blankToNull(p.city())), Pay.of(p.salary()),
                interner.intern(p.firstSeenAt()), interner.intern(p.closedAt()),
                // Only ML postings are grouped into roles (the figures count nothing else), so only
                // they pay for a signature: on real boards most postings are not ML roles.
                tags.mlRole() ? TextSignature.of(p.title(), p.description()) : TextSignature.NONE);
    }

    /** Sources that list a whole board or search live, so the run that first saw a posting dates it. */
    private static final String[] LIVE_KINDS = {"greenhouse", "lever", "ashby", "workday", "remotive", "usajobs",
            "adzuna"};

    private static String countryCode(String country) {
        String c = blankToNull(country);
        return c == null ? null : c.toUpperCase(java.util.Locale.ROOT);
    }

    private static Set<Round> statedRounds(InterviewProcess process) {
        return process == null ? null : Set.copyOf(process.statedRounds());
    }

    private static List<Domain> domains(List<DomainTag> tags) {
        List<DomainTag> sorted = new ArrayList<>(tags);
        sorted.sort(BY_SCORE);
        return sorted.stream().map(DomainTag::domain).distinct().toList();
    }

    private static LocalDate utcDay(Instant instant) {
        return instant == null ? null : LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    public String id() {
        return text.id();
    }

    public String title() {
        return text.title();
    }

    /** The source URL, or null. */
    public String sourceUrl() {
        return text.sourceUrl();
    }

    /**
     * The date reports use: {@code postedAt}; else, for a posting of a live board (Greenhouse, Lever,
     * Ashby, Workday, the job-search APIs), the day the run that first saw it ran ({@code firstSeenAt},
     * else the day it was fetched); else null. A static file's undated posting (a CSV export, a saved
     * page, JSON Lines) has no date: the day it was read says nothing about when it was posted.
     */
    public LocalDate date() {
        if (postedAt != null) {
            return postedAt;
        }
        if (!fromLiveBoard()) {
            return null;
        }
        return firstSeenAt != null ? firstSeenAt : fetchedOn;
    }

    /** Whether the posting's source is of a kind that lists a whole board or searches live. */
    public boolean fromLiveBoard() {
        if (source == null) {
            return false;
        }
        for (String kind : LIVE_KINDS) {
            if (source.startsWith(kind) && (source.length() == kind.length() || source.charAt(kind.length()) == ':')) {
                return true;
            }
        }
        return false;
    }

    /** Whether a whole-board run has seen the posting disappear (and not come back). */
    public boolean closed() {
        return closedAt != null;
    }

    /** Whether the posting describes its own hiring process (it may state no round even so). */
    public boolean describesProcess() {
        return statedRounds != null;
    }

    /** The weight of a round, 0 when the posting has none (every non-ML posting). */
    public double weight(Round round) {
        return rounds.weight(round);
    }
}
