package io.roleradar.reporter.aggregate;

import io.roleradar.model.Domain;
import io.roleradar.model.DomainTag;
import io.roleradar.model.Level;
import io.roleradar.model.Quadrant;
import io.roleradar.model.RawPosting;
import io.roleradar.model.Round;
import io.roleradar.model.RoundTag;
import io.roleradar.model.TaggedPosting;
import io.roleradar.model.Tags;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What the reports need of one tagged posting, and nothing more: the description and the evidence
 * are dropped, enums are stored as small numbers, dates as epoch days, the domains packed into one
 * int and the round weights as floats. One of these is kept per posting id, so its size is what
 * bounds the reporter's memory (about 200 bytes a posting instead of several kilobytes).
 */
public final class PostingFacts {
    /** Epoch day meaning "no date". */
    public static final int NO_DATE = Integer.MIN_VALUE;
    private static final Domain[] DOMAINS = Domain.values();
    private static final Quadrant[] QUADRANTS = Quadrant.values();
    private static final Level[] LEVELS = Level.values();

    private final String company;
    private final String source;
    private final String title;
    private final String sourceUrl;
    private final String taxonomyVersion;
    private final int postedDay;
    private final int fetchedDay;
    /** Domains in score order (highest first), one nibble each: ordinal + 1, 0 ends the list. */
    private final int domainsPacked;
    private final byte quadrant;
    private final byte level;
    private final byte manager;
    private final boolean mlRole;
    private final float fundamentals;
    private final float caseStudy;
    private final float systemDesign;
    private final float coding;

    private PostingFacts(TaggedPosting tagged, Interner interner) {
        RawPosting p = tagged.posting();
        Tags t = tagged.tags();
        this.company = interner.intern(blankToNull(p.company()));
        this.source = interner.intern(blankToNull(p.source()));
        this.title = p.title();
        this.sourceUrl = blankToNull(p.sourceUrl());
        this.taxonomyVersion = interner.intern(t.taxonomyVersion());
        this.postedDay = p.postedAt() == null ? NO_DATE : (int) p.postedAt().toEpochDay();
        this.fetchedDay = p.fetchedAt() == null ? NO_DATE
                : (int) p.fetchedAt().atOffset(ZoneOffset.UTC).toLocalDate().toEpochDay();
        this.mlRole = t.mlRole();
        this.quadrant = t.quadrant() == null ? -1 : (byte) t.quadrant().ordinal();
        this.level = t.level() == null ? -1 : (byte) t.level().ordinal();
        this.manager = t.manager() == null ? -1 : (byte) (t.manager() ? 1 : 0);
        this.domainsPacked = pack(t.domains());
        float[] w = new float[Round.values().length];
        for (RoundTag r : t.rounds()) {
            w[r.round().ordinal()] = (float) r.weight();
        }
        this.fundamentals = w[Round.ML_FUNDAMENTALS.ordinal()];
        this.caseStudy = w[Round.ML_CASE_STUDY.ordinal()];
        this.systemDesign = w[Round.ML_SYSTEM_DESIGN.ordinal()];
        this.coding = w[Round.ML_CODING.ordinal()];
    }

    /** The facts of a tagged posting; strings that repeat (company, source, version) are shared. */
    public static PostingFacts of(TaggedPosting tagged, Interner interner) {
        return new PostingFacts(tagged, interner);
    }

    private static int pack(List<DomainTag> domains) {
        List<DomainTag> sorted = new ArrayList<>(domains);
        // Highest score first; ties in taxonomy order, so the packing is deterministic.
        sorted.sort(Comparator.comparingDouble(DomainTag::score).reversed()
                .thenComparing(d -> d.domain().ordinal()));
        int packed = 0;
        int shift = 0;
        int seen = 0;
        for (DomainTag d : sorted) {
            int bit = 1 << d.domain().ordinal();
            if ((seen & bit) != 0) {
                continue; // a domain listed twice counts once
            }
            seen |= bit;
            packed |= (d.domain().ordinal() + 1) << shift;
            shift += 4;
        }
        return packed;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    public String company() {
        return company;
    }

    public String source() {
        return source;
    }

    public String title() {
        return title;
    }

    public String sourceUrl() {
        return sourceUrl;
    }

    public String taxonomyVersion() {
        return taxonomyVersion;
    }

    public boolean mlRole() {
        return mlRole;
    }

    /** The quadrant, or null for a non-ML posting. */
    public Quadrant quadrant() {
        return quadrant < 0 ? null : QUADRANTS[quadrant];
    }

    public Level level() {
        return level < 0 ? null : LEVELS[level];
    }

    public Boolean manager() {
        return manager < 0 ? null : manager == 1;
    }

    public LocalDate postedAt() {
        return postedDay == NO_DATE ? null : LocalDate.ofEpochDay(postedDay);
    }

    public LocalDate fetchedOn() {
        return fetchedDay == NO_DATE ? null : LocalDate.ofEpochDay(fetchedDay);
    }

    /** The date reports use: {@code postedAt}, else the day it was fetched (UTC); null when neither. */
    public LocalDate date() {
        int day = postedDay != NO_DATE ? postedDay : fetchedDay;
        return day == NO_DATE ? null : LocalDate.ofEpochDay(day);
    }

    /** The domains, highest score first. */
    public List<Domain> domains() {
        List<Domain> list = new ArrayList<>(2);
        for (int p = domainsPacked; p != 0; p >>>= 4) {
            list.add(DOMAINS[(p & 0xF) - 1]);
        }
        return list;
    }

    /** Calls {@code action} with each domain's ordinal, without allocating. */
    public void forEachDomain(java.util.function.IntConsumer action) {
        for (int p = domainsPacked; p != 0; p >>>= 4) {
            action.accept((p & 0xF) - 1);
        }
    }

    public boolean hasDomains() {
        return domainsPacked != 0;
    }

    /** The weight of a round, 0 when the posting has none (every non-ML posting). */
    public double weight(Round round) {
        return switch (round) {
            case ML_FUNDAMENTALS -> fundamentals;
            case ML_CASE_STUDY -> caseStudy;
            case ML_SYSTEM_DESIGN -> systemDesign;
            case ML_CODING -> coding;
        };
    }
}
