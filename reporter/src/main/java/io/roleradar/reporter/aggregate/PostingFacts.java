package io.roleradar.reporter.aggregate;

import io.roleradar.model.Domain;
import io.roleradar.model.DomainTag;
import io.roleradar.model.Level;
import io.roleradar.model.Quadrant;
import io.roleradar.model.Round;
import io.roleradar.model.RoundTag;
import io.roleradar.model.TagSummary;
import io.roleradar.model.TaggedPosting;
import io.roleradar.model.Tags;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * What the reports need of one tagged posting, and nothing more: the description and the evidence
 * are dropped, enums are stored as small numbers, dates as epoch days, the domains packed into one
 * int and the round weights as floats. One of these is kept per posting id, so its size is what
 * bounds the reporter's memory (about 200 bytes a posting, table slot included, instead of several kilobytes).
 */
public final class PostingFacts {
    /** Epoch day meaning "no date". */
    public static final int NO_DATE = Integer.MIN_VALUE;
    private static final Domain[] DOMAINS = Domain.values();
    private static final Quadrant[] QUADRANTS = Quadrant.values();
    private static final Level[] LEVELS = Level.values();

    private final String company;
    private final String source;
    private final String taxonomyVersion;
    /** The id, title and source URL as UTF-8 in one array: one object instead of three strings. */
    private final byte[] text;
    private final int idBytes;
    private final int titleBytes;
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
        this(interner, tagged.posting().id(), tagged.posting().title(), tagged.posting().sourceUrl(),
                tagged.posting().company(), tagged.posting().source(), epochDay(tagged.posting().postedAt()),
                epochDay(tagged.posting().fetchedAt()), tagged.tags().taxonomyVersion(), tagged.tags().mlRole(),
                tagged.tags().quadrant(), tagged.tags().level(), tagged.tags().manager(), pack(tagged.tags().domains()),
                weights(tagged.tags().rounds()));
    }

    private PostingFacts(Interner interner, String id, String title, String sourceUrl, String company, String source,
                         int postedDay, int fetchedDay, String taxonomyVersion, boolean mlRole, Quadrant quadrant,
                         Level level, Boolean manager, int domainsPacked, float[] roundWeights) {
        this.company = interner.intern(blankToNull(company));
        this.source = interner.intern(blankToNull(source));
        byte[] idUtf8 = id.getBytes(StandardCharsets.UTF_8);
        byte[] titleUtf8 = title.getBytes(StandardCharsets.UTF_8);
        String url = blankToNull(sourceUrl);
        byte[] urlBytes = url == null ? new byte[0] : url.getBytes(StandardCharsets.UTF_8);
        this.text = new byte[idUtf8.length + titleUtf8.length + urlBytes.length];
        System.arraycopy(idUtf8, 0, text, 0, idUtf8.length);
        System.arraycopy(titleUtf8, 0, text, idUtf8.length, titleUtf8.length);
        System.arraycopy(urlBytes, 0, text, idUtf8.length + titleUtf8.length, urlBytes.length);
        this.idBytes = idUtf8.length;
        this.titleBytes = titleUtf8.length;
        this.taxonomyVersion = interner.intern(taxonomyVersion);
        this.postedDay = postedDay;
        this.fetchedDay = fetchedDay;
        this.mlRole = mlRole;
        this.quadrant = quadrant == null ? -1 : (byte) quadrant.ordinal();
        this.level = level == null ? -1 : (byte) level.ordinal();
        this.manager = manager == null ? -1 : (byte) (manager ? 1 : 0);
        this.domainsPacked = domainsPacked;
        this.fundamentals = roundWeights[Round.ML_FUNDAMENTALS.ordinal()];
        this.caseStudy = roundWeights[Round.ML_CASE_STUDY.ordinal()];
        this.systemDesign = roundWeights[Round.ML_SYSTEM_DESIGN.ordinal()];
        this.coding = roundWeights[Round.ML_CODING.ordinal()];
    }

    private PostingFacts() {
        this.company = null;
        this.source = null;
        this.taxonomyVersion = null;
        this.text = new byte[0];
        this.idBytes = 0;
        this.titleBytes = 0;
        this.postedDay = NO_DATE;
        this.fetchedDay = NO_DATE;
        this.domainsPacked = 0;
        this.quadrant = -1;
        this.level = -1;
        this.manager = -1;
        this.mlRole = false;
        this.fundamentals = 0;
        this.caseStudy = 0;
        this.systemDesign = 0;
        this.coding = 0;
    }

    /** The marker {@link PostingTable} puts in a slot whose posting was removed. */
    static PostingFacts removedMarker() {
        return new PostingFacts();
    }

    /** The facts of a tagged posting; strings that repeat (company, source, version) are shared. */
    public static PostingFacts of(TaggedPosting tagged, Interner interner) {
        return new PostingFacts(tagged, interner);
    }

    /** The facts of a tagged posting from its summary header (the same facts as from its value). */
    public static PostingFacts of(TagSummary summary, Interner interner) {
        Tags tags = summary.tags();
        return new PostingFacts(interner, summary.id(), summary.title(), summary.sourceUrl(), summary.company(),
                summary.source(), epochDay(summary.postedAt()), epochDay(summary.fetchedAt()), tags.taxonomyVersion(),
                tags.mlRole(), tags.quadrant(), tags.level(), tags.manager(), pack(tags.domains()),
                weights(tags.rounds()));
    }

    /**
     * The facts from fields a reader has already checked the way {@code PostingJson.readTagged} would
     * (required text present, tags consistent): the fast path that never builds a {@code TaggedPosting}.
     *
     * @param postedDay     epoch day of {@code postedAt}, or {@link #NO_DATE}
     * @param fetchedDay    epoch day (UTC) of {@code fetchedAt}, or {@link #NO_DATE}
     * @param domainsPacked from {@link #packDomains}
     * @param roundWeights  the weight of each {@link Round}, by ordinal (0 for a round not listed)
     */
    public static PostingFacts of(Interner interner, String id, String title, String sourceUrl, String company,
                                  String source, int postedDay, int fetchedDay, String taxonomyVersion,
                                  boolean mlRole, Quadrant quadrant, Level level, Boolean manager,
                                  int domainsPacked, float[] roundWeights) {
        return new PostingFacts(interner, id, title, sourceUrl, company, source, postedDay, fetchedDay,
                taxonomyVersion, mlRole, quadrant, level, manager, domainsPacked, roundWeights);
    }

    private static int epochDay(LocalDate date) {
        return date == null ? NO_DATE : (int) date.toEpochDay();
    }

    /** The UTC day of an instant as an epoch day, {@link #NO_DATE} for null. */
    public static int epochDay(Instant instant) {
        return instant == null ? NO_DATE : (int) instant.atOffset(ZoneOffset.UTC).toLocalDate().toEpochDay();
    }

    private static float[] weights(List<RoundTag> rounds) {
        float[] w = new float[Round.values().length];
        for (RoundTag r : rounds) {
            w[r.round().ordinal()] = (float) r.weight();
        }
        return w;
    }

    private static int pack(List<DomainTag> domains) {
        int[] ordinals = new int[domains.size()];
        double[] scores = new double[domains.size()];
        for (int i = 0; i < ordinals.length; i++) {
            ordinals[i] = domains.get(i).domain().ordinal();
            scores[i] = domains.get(i).score();
        }
        return packDomains(ordinals, scores, ordinals.length);
    }

    /**
     * Packs the first {@code n} domains (ordinals with their scores) highest score first, ties in
     * taxonomy order, a domain listed twice counted once. Sorts the arrays in place.
     */
    public static int packDomains(int[] ordinals, double[] scores, int n) {
        // Insertion sort: a posting has a handful of domains at most.
        for (int i = 1; i < n; i++) {
            int o = ordinals[i];
            double sc = scores[i];
            int k = i - 1;
            int c = k < 0 ? 0 : Double.compare(scores[k], sc);
            while (k >= 0 && (c < 0 || (c == 0 && ordinals[k] > o))) {
                ordinals[k + 1] = ordinals[k];
                scores[k + 1] = scores[k];
                k--;
                c = k < 0 ? 0 : Double.compare(scores[k], sc);
            }
            ordinals[k + 1] = o;
            scores[k + 1] = sc;
        }
        int packed = 0;
        int shift = 0;
        int seen = 0;
        for (int i = 0; i < n; i++) {
            int bit = 1 << ordinals[i];
            if ((seen & bit) != 0) {
                continue; // a domain listed twice counts once
            }
            seen |= bit;
            packed |= (ordinals[i] + 1) << shift;
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

    public String id() {
        return new String(text, 0, idBytes, StandardCharsets.UTF_8);
    }

    /** The hash of the id's UTF-8 bytes, as {@link PostingTable#hash(byte[])} gives it, without copying them. */
    int idHash() {
        return PostingTable.hash(text, 0, idBytes);
    }

    boolean sameId(PostingFacts other) {
        return Arrays.equals(text, 0, idBytes, other.text, 0, other.idBytes);
    }

    /** The array that starts with the id's UTF-8 bytes (for {@link IdSort}; not to be changed). */
    byte[] text() {
        return text;
    }

    /** The length of the id in UTF-8 bytes. */
    int idLength() {
        return idBytes;
    }

    /** Orders by id (UTF-8 byte order, which is code point order), without decoding the ids. */
    public static final Comparator<PostingFacts> BY_ID = (a, b) ->
            Arrays.compareUnsigned(a.text, 0, a.idBytes, b.text, 0, b.idBytes);

    boolean hasId(byte[] id) {
        return Arrays.equals(text, 0, idBytes, id, 0, id.length);
    }

    public String title() {
        return new String(text, idBytes, titleBytes, StandardCharsets.UTF_8);
    }

    /** The source URL, or null. */
    public String sourceUrl() {
        int from = idBytes + titleBytes;
        return from == text.length ? null : new String(text, from, text.length - from, StandardCharsets.UTF_8);
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

    /** The epoch day of {@code postedAt}, or {@link #NO_DATE}. */
    public int postedEpochDay() {
        return postedDay;
    }

    /** The epoch day it was fetched on (UTC), or {@link #NO_DATE}. */
    public int fetchedEpochDay() {
        return fetchedDay;
    }

    /** The epoch day of {@link #date()}, or {@link #NO_DATE}. */
    public int dateEpochDay() {
        return postedDay != NO_DATE ? postedDay : fetchedDay;
    }

    /** The domains as one number, equal for equal lists in the same order: a key for what depends on the list alone. */
    public int packedDomains() {
        return domainsPacked;
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

    /** Every field, for tests and debugging: two facts with the same text hold the same values. */
    @Override
    public String toString() {
        return "PostingFacts[id=" + id() + ", title=" + title() + ", sourceUrl=" + sourceUrl() + ", company=" + company
                + ", source=" + source + ", taxonomyVersion=" + taxonomyVersion + ", postedDay=" + postedDay
                + ", fetchedDay=" + fetchedDay + ", mlRole=" + mlRole + ", quadrant=" + quadrant() + ", level=" + level()
                + ", manager=" + manager() + ", domains=" + domains() + ", rounds=[" + fundamentals + ", " + caseStudy
                + ", " + systemDesign + ", " + coding + "]]";
    }
}
