package io.roleradar.reporter.aggregate;

import io.roleradar.model.Domain;
import io.roleradar.model.DomainTag;
import io.roleradar.model.InterviewProcess;
import io.roleradar.model.Level;
import io.roleradar.model.Quadrant;
import io.roleradar.model.RawPosting;
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
 */
public record PostingFacts(PostingText text, String company, String source, String taxonomyVersion,
                           LocalDate postedAt, LocalDate fetchedOn, boolean mlRole, Quadrant quadrant, Level level,
                           Boolean manager, List<Domain> domains, RoundWeights rounds, Set<Round> statedRounds) {
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
                interner.intern(statedRounds(tags.interviewProcess())));
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

    /** The date reports use: {@code postedAt}, else the day it was fetched (UTC); null when neither. */
    public LocalDate date() {
        return postedAt != null ? postedAt : fetchedOn;
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
