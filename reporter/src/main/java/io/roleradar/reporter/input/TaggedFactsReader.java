package io.roleradar.reporter.input;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import io.roleradar.model.Domain;
import io.roleradar.model.InvalidMessageException;
import io.roleradar.model.Level;
import io.roleradar.model.PostingJson;
import io.roleradar.model.Quadrant;
import io.roleradar.model.RemoteMode;
import io.roleradar.model.Responsibility;
import io.roleradar.model.Round;
import io.roleradar.model.Specialization;
import io.roleradar.model.TagSummary;
import io.roleradar.reporter.aggregate.Interner;
import io.roleradar.reporter.aggregate.PostingFacts;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads a tagged record's {@link PostingFacts}: from its {@link TagSummary} header when it has one
 * this code reads (no JSON parsing at all: the classifier writes the header from the same posting
 * as the value), else from the value, as follows.
 *
 * <p>Reads the JSON of a tagged posting straight into its {@link PostingFacts}, with Jackson's
 * streaming parser over the bytes: the fields the reports use are read, the rest (the description,
 * every evidence list, the round reasons) are stepped over without being decoded, and no tree,
 * record or {@code TaggedPosting} is built. Decoding is most of what a report costs, and the
 * description and the evidence are most of every value's bytes.
 *
 * <p>The contract stays the codec's: every field this reader reads is checked as
 * {@link PostingJson#readTagged} checks it (types, enum names, required text, scores in [0, 1],
 * the tags' consistency, the schema version, duplicate or absent fields), and whenever anything is
 * not plainly valid, the value goes to {@code readTagged}, which accepts it or rejects it with its
 * own reason and message. So a rejected value is rejected exactly as before, and an accepted one
 * gives the same facts. What this reader does not look into: the contents of evidence lists (their
 * type is checked, not their items), which {@code readTagged} would reject when broken; the
 * classifier writes them, and the reports never use them. Thread-safe.
 */
public final class TaggedFactsReader {
    /** One factory for every parser (it holds the shared symbol table); the codec's limits, since it is the default. */
    private static final JsonFactory JSON = new JsonFactory();
    private static final Map<String, Domain> DOMAINS = byName(Domain.values());
    private static final Map<String, Round> ROUNDS = byName(Round.values());
    private static final Map<String, Level> LEVELS = byName(Level.values());
    private static final Map<String, Quadrant> QUADRANTS = byName(Quadrant.values());
    private static final Map<String, Responsibility> RESPONSIBILITIES = byName(Responsibility.values());
    private static final Map<String, Specialization> SPECIALIZATIONS = byName(Specialization.values());
    private static final Map<String, RemoteMode> REMOTE_MODES = byName(RemoteMode.values());

    private final Interner interner;

    /** @param interner shares the strings that repeat (company, source, taxonomy version) */
    public TaggedFactsReader(Interner interner) {
        this.interner = interner;
    }

    /**
     * The facts of one tagged posting.
     *
     * @throws InvalidMessageException exactly when, and as, {@link PostingJson#readTagged} would
     *                                 (evidence contents aside, see the class comment)
     */
    public PostingFacts read(byte[] json) throws InvalidMessageException {
        return read(json, null);
    }

    /**
     * The facts of one tagged record: from its summary header when it has one this code reads (see
     * {@link TagSummary}: the classifier writes it from the same posting as the value, and it is read
     * without a JSON parser), else from its value.
     *
     * @param summary the value of the record's {@value TagSummary#HEADER} header, or null
     * @throws InvalidMessageException when the facts come from the value and it is not readable
     */
    public PostingFacts read(byte[] json, byte[] summary) throws InvalidMessageException {
        if (summary != null) {
            try {
                return PostingFacts.of(TagSummary.decode(summary), interner);
            } catch (IllegalArgumentException e) {
                // Another version or a damaged header: the value is the record's content, read it.
            }
        }
        PostingFacts facts = project(json);
        if (facts != null) {
            return facts;
        }
        // Not plainly valid: the codec decides, with its reason and message.
        return PostingFacts.of(PostingJson.readTagged(json), interner);
    }

    /** The facts, or null when the value is anything but plainly valid. */
    PostingFacts project(byte[] json) {
        // A value beyond the codec's string limit could hide a too-long string in a skipped field.
        if (json == null || json.length == 0 || json.length >= StreamReadConstraints.DEFAULT_MAX_STRING_LEN) {
            return null;
        }
        try (JsonParser p = JSON.createParser(json, 0, json.length)) {
            return new Projection(p, json).message();
        } catch (NotPlain | IOException | RuntimeException e) {
            // Broken JSON, an odd shape, or a value the codec may read differently (a date given as
            // a number, an int where a double belongs): readTagged has the last word.
            return null;
        }
    }

    private static <E extends Enum<E>> Map<String, E> byName(E[] values) {
        Map<String, E> map = new HashMap<>();
        for (E e : values) {
            map.put(e.name(), e);
        }
        return map;
    }

    /** Thrown to hand the value to the codec; carries no stack trace, it is no error of its own. */
    private static final class NotPlain extends Exception {
        private static final NotPlain INSTANCE = new NotPlain();

        private NotPlain() {
            super(null, null, false, false);
        }
    }

    /** Takes one scored tag (a domain and its score, a round and its weight) as it is read. */
    @FunctionalInterface
    private interface ScoredTag<E> {
        void accept(E tag, double score);
    }

    /** The reading of one value: the fields it collects on the way. */
    private final class Projection {
        private final JsonParser p;
        private final byte[] json;
        private String id;
        private String title;
        private String sourceUrl;
        private String company;
        private String source;
        private int postedDay = PostingFacts.NO_DATE;
        private int fetchedDay = PostingFacts.NO_DATE;
        private boolean mlRole;
        private Responsibility responsibility;
        private Specialization specialization;
        private Quadrant quadrant;
        private Level level;
        private Boolean manager;
        private int[] domainOrdinals = new int[4];
        private double[] domainScores = new double[4];
        private int domainCount;
        private final float[] roundWeights = new float[Round.values().length];
        private int roundCount;
        private String taxonomyVersion;

        Projection(JsonParser p, byte[] json) {
            this.p = p;
            this.json = json;
        }

        PostingFacts message() throws IOException, NotPlain {
            expect(p.nextToken() == JsonToken.START_OBJECT);
            int seen = 0;
            int version = 0;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken v = p.nextToken();
                switch (name) {
                    case "schemaVersion" -> {
                        seen = once(seen, 1);
                        version = intValue(v);
                    }
                    case "posting" -> {
                        seen = once(seen, 2);
                        posting(v);
                    }
                    case "tags" -> {
                        seen = once(seen, 4);
                        tags(v);
                    }
                    default -> p.skipChildren(); // unknown fields are ignored, as the codec does
                }
            }
            // Absent means version 1 to the codec; rare enough to leave to it, like the other absences.
            expect(seen == 7 && version == 1);
            return PostingFacts.of(interner, id, title, sourceUrl, company, source, postedDay, fetchedDay,
                    taxonomyVersion, mlRole, quadrant, level, manager,
                    PostingFacts.packDomains(domainOrdinals, domainScores, domainCount), roundWeights);
        }

        private void posting(JsonToken start) throws IOException, NotPlain {
            expect(start == JsonToken.START_OBJECT);
            int seen = 0;
            boolean description = false;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken v = p.nextToken();
                switch (name) {
                    case "schemaVersion" -> {
                        seen = once(seen, 1);
                        intValue(v); // any version: the codec checks only the message's own
                    }
                    case "id" -> {
                        seen = once(seen, 1 << 1);
                        id = requiredText(v);
                    }
                    case "title" -> {
                        seen = once(seen, 1 << 2);
                        title = requiredText(v);
                    }
                    case "description" -> {
                        seen = once(seen, 1 << 3);
                        expect(v == JsonToken.VALUE_STRING && notBlank());
                        description = true;
                    }
                    case "source" -> {
                        seen = once(seen, 1 << 4);
                        source = text(v);
                    }
                    case "sourceUrl" -> {
                        seen = once(seen, 1 << 5);
                        sourceUrl = text(v);
                    }
                    case "company" -> {
                        seen = once(seen, 1 << 6);
                        company = text(v);
                    }
                    case "postedAt" -> {
                        seen = once(seen, 1 << 7);
                        postedDay = localDate(v);
                    }
                    case "fetchedAt" -> {
                        seen = once(seen, 1 << 8);
                        fetchedDay = instantDay(v);
                    }
                    case "department" -> {
                        seen = once(seen, 1 << 9);
                        skipText(v);
                    }
                    case "location" -> {
                        seen = once(seen, 1 << 10);
                        skipText(v);
                    }
                    case "employmentType" -> {
                        seen = once(seen, 1 << 11);
                        skipText(v);
                    }
                    case "remote" -> {
                        seen = once(seen, 1 << 12);
                        optionalEnum(v, REMOTE_MODES);
                    }
                    case "otherLocations" -> {
                        seen = once(seen, 1 << 13);
                        textList(v);
                    }
                    case "otherSources" -> {
                        seen = once(seen, 1 << 14);
                        textList(v);
                    }
                    case "salary" -> {
                        seen = once(seen, 1 << 15);
                        salary(v);
                    }
                    default -> p.skipChildren();
                }
            }
            expect((seen & 1) != 0 && id != null && title != null && description);
        }

        private void tags(JsonToken start) throws IOException, NotPlain {
            expect(start == JsonToken.START_OBJECT);
            int seen = 0;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken v = p.nextToken();
                switch (name) {
                    case "mlRole" -> {
                        seen = once(seen, 1);
                        expect(v == JsonToken.VALUE_TRUE || v == JsonToken.VALUE_FALSE);
                        mlRole = v == JsonToken.VALUE_TRUE;
                    }
                    case "mlConfidence" -> {
                        seen = once(seen, 1 << 1);
                        unitScore(v);
                    }
                    case "responsibility" -> {
                        seen = once(seen, 1 << 2);
                        responsibility = optionalEnum(v, RESPONSIBILITIES);
                    }
                    case "specialization" -> {
                        seen = once(seen, 1 << 3);
                        specialization = optionalEnum(v, SPECIALIZATIONS);
                    }
                    case "quadrant" -> {
                        seen = once(seen, 1 << 4);
                        quadrant = optionalEnum(v, QUADRANTS);
                    }
                    case "level" -> {
                        seen = once(seen, 1 << 5);
                        level = optionalEnum(v, LEVELS);
                    }
                    case "manager" -> {
                        seen = once(seen, 1 << 6);
                        expect(v == JsonToken.VALUE_TRUE || v == JsonToken.VALUE_FALSE || v == JsonToken.VALUE_NULL);
                        manager = v == JsonToken.VALUE_NULL ? null : v == JsonToken.VALUE_TRUE;
                    }
                    case "domains" -> {
                        seen = once(seen, 1 << 7);
                        domains(v);
                    }
                    case "rounds" -> {
                        seen = once(seen, 1 << 8);
                        rounds(v);
                    }
                    case "evidence" -> {
                        seen = once(seen, 1 << 9);
                        expect(v == JsonToken.START_OBJECT || v == JsonToken.VALUE_NULL);
                        p.skipChildren(); // the evidence of each tag: never in a report
                    }
                    case "taxonomyVersion" -> {
                        seen = once(seen, 1 << 10);
                        taxonomyVersion = text(v);
                    }
                    default -> p.skipChildren();
                }
            }
            expect((seen & 3) == 3 && taxonomyVersion != null);
            // The checks of the Tags record: an ML role has every ML tag, the quadrant follows from the axes.
            if (mlRole) {
                expect(responsibility != null && specialization != null && level != null && manager != null);
                Quadrant axes = Quadrant.of(responsibility, specialization);
                expect(quadrant == null || quadrant == axes);
                quadrant = axes;
            } else {
                expect(responsibility == null && specialization == null && quadrant == null && level == null
                        && manager == null && domainCount == 0 && roundCount == 0);
            }
        }

        private void domains(JsonToken start) throws IOException, NotPlain {
            scoredTags(start, "domain", DOMAINS, "score", null, (domain, score) -> {
                if (domainCount == domainOrdinals.length) {
                    domainOrdinals = Arrays.copyOf(domainOrdinals, domainCount * 2);
                    domainScores = Arrays.copyOf(domainScores, domainCount * 2);
                }
                domainOrdinals[domainCount] = domain.ordinal();
                domainScores[domainCount] = score;
                domainCount++;
            });
        }

        private void rounds(JsonToken start) throws IOException, NotPlain {
            scoredTags(start, "round", ROUNDS, "weight", "reasons", (round, weight) -> {
                // A round listed twice: the later weight wins, as in PostingFacts.of.
                roundWeights[round.ordinal()] = (float) weight;
                roundCount++;
            });
        }

        /**
         * A list of tags that each name an enum value with a score in [0, 1] and evidence (domains,
         * rounds); the evidence and the text list {@code textListField} (a round's reasons) are
         * checked for shape and stepped over.
         */
        private <E extends Enum<E>> void scoredTags(JsonToken start, String nameField, Map<String, E> byName,
                                                    String scoreField, String textListField, ScoredTag<E> sink)
                throws IOException, NotPlain {
            if (start == JsonToken.VALUE_NULL) {
                return;
            }
            expect(start == JsonToken.START_ARRAY);
            JsonToken item;
            while ((item = p.nextToken()) != JsonToken.END_ARRAY) {
                expect(item == JsonToken.START_OBJECT);
                int seen = 0;
                E tag = null;
                double score = 0;
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    JsonToken v = p.nextToken();
                    if (name.equals(nameField)) {
                        seen = once(seen, 1);
                        tag = optionalEnum(v, byName);
                    } else if (name.equals(scoreField)) {
                        seen = once(seen, 2);
                        score = unitScore(v);
                    } else if (name.equals("evidence")) {
                        seen = once(seen, 4);
                        skipList(v);
                    } else if (name.equals(textListField)) {
                        seen = once(seen, 8);
                        textList(v);
                    } else {
                        p.skipChildren();
                    }
                }
                expect(tag != null && (seen & 2) != 0);
                sink.accept(tag, score);
            }
        }

        private void salary(JsonToken start) throws IOException, NotPlain {
            if (start == JsonToken.VALUE_NULL) {
                return;
            }
            expect(start == JsonToken.START_OBJECT);
            int seen = 0;
            BigDecimal min = null;
            BigDecimal max = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken v = p.nextToken();
                switch (name) {
                    case "min" -> {
                        seen = once(seen, 1);
                        min = decimal(v);
                    }
                    case "max" -> {
                        seen = once(seen, 2);
                        max = decimal(v);
                    }
                    case "currency" -> {
                        seen = once(seen, 4);
                        skipText(v);
                    }
                    case "period" -> {
                        seen = once(seen, 8);
                        skipText(v);
                    }
                    default -> p.skipChildren();
                }
            }
            // The checks of the Salary record.
            expect((min != null || max != null) && (min == null || max == null || min.compareTo(max) <= 0));
        }

        private BigDecimal decimal(JsonToken v) throws IOException, NotPlain {
            if (v == JsonToken.VALUE_NULL) {
                return null;
            }
            expect(v == JsonToken.VALUE_NUMBER_INT || v == JsonToken.VALUE_NUMBER_FLOAT);
            return p.getDecimalValue();
        }

        /** A schema version: an int, in int range. */
        private int intValue(JsonToken v) throws IOException, NotPlain {
            expect(v == JsonToken.VALUE_NUMBER_INT && p.getNumberType() == JsonParser.NumberType.INT);
            return p.getIntValue();
        }

        /** A score or weight: a decimal number in [0, 1] (an integer is left to the codec's coercion rules). */
        private double unitScore(JsonToken v) throws IOException, NotPlain {
            expect(v == JsonToken.VALUE_NUMBER_FLOAT);
            double d = p.getDoubleValue();
            expect(d >= 0.0 && d <= 1.0);
            return d;
        }

        private String text(JsonToken v) throws IOException, NotPlain {
            if (v == JsonToken.VALUE_NULL) {
                return null;
            }
            expect(v == JsonToken.VALUE_STRING); // the codec refuses a number or boolean for text
            return p.getText();
        }

        private String requiredText(JsonToken v) throws IOException, NotPlain {
            String s = text(v);
            expect(s != null && !s.isBlank());
            return s;
        }

        /** A text field the reports do not use: its type is checked, its characters are not decoded. */
        private void skipText(JsonToken v) throws NotPlain {
            expect(v == JsonToken.VALUE_STRING || v == JsonToken.VALUE_NULL);
        }

        /** A list of text: null, or an array of strings (a null item would fail the record's copy). */
        private void textList(JsonToken v) throws IOException, NotPlain {
            if (v == JsonToken.VALUE_NULL) {
                return;
            }
            expect(v == JsonToken.START_ARRAY);
            JsonToken item;
            while ((item = p.nextToken()) != JsonToken.END_ARRAY) {
                expect(item == JsonToken.VALUE_STRING);
            }
        }

        /** An evidence list: null or an array, stepped over unread. */
        private void skipList(JsonToken v) throws IOException, NotPlain {
            expect(v == JsonToken.START_ARRAY || v == JsonToken.VALUE_NULL);
            p.skipChildren();
        }

        private <E extends Enum<E>> E optionalEnum(JsonToken v, Map<String, E> byName) throws IOException, NotPlain {
            if (v == JsonToken.VALUE_NULL) {
                return null;
            }
            expect(v == JsonToken.VALUE_STRING);
            E e = byName.get(p.getText());
            expect(e != null); // an unknown name: the codec rejects it, with its message
            return e;
        }

        /** {@code postedAt}: the plain ISO form only ({@code 2026-11-02}); any other form is the codec's to read. */
        private int localDate(JsonToken v) throws IOException, NotPlain {
            if (v == JsonToken.VALUE_NULL) {
                return PostingFacts.NO_DATE;
            }
            expect(v == JsonToken.VALUE_STRING);
            String s = p.getText();
            expect(s.length() == 10);
            return isoDay(s);
        }

        /**
         * {@code fetchedAt}: the plain ISO instant in UTC ({@code 2026-11-20T09:00:00Z}), read by hand
         * into its day, since the reports keep only the day; with a fraction of a second through
         * {@link Instant#parse}; any other form (an offset, a number) is the codec's to read.
         */
        private int instantDay(JsonToken v) throws IOException, NotPlain {
            if (v == JsonToken.VALUE_NULL) {
                return PostingFacts.NO_DATE;
            }
            expect(v == JsonToken.VALUE_STRING);
            String s = p.getText();
            if (s.length() == 20 && s.charAt(10) == 'T' && s.charAt(13) == ':' && s.charAt(16) == ':'
                    && s.charAt(19) == 'Z') {
                expect(digits(s, 11, 2) < 24 && digits(s, 14, 2) < 60 && digits(s, 17, 2) < 60);
                return isoDay(s);
            }
            expect(s.length() > 20 && s.charAt(s.length() - 1) == 'Z' && Character.isDigit(s.charAt(0)));
            return PostingFacts.epochDay(Instant.parse(s));
        }

        /**
         * Whether the current string is not blank, as the codec requires of the description, mostly
         * without decoding it: the first byte after the opening quote is looked at in place, and only
         * when it is white space, an escape or non-ASCII is the whole text decoded.
         */
        private boolean notBlank() throws IOException {
            long at = p.currentTokenLocation().getByteOffset();
            if (at >= 0 && at + 1 < json.length && json[(int) at] == '"') {
                int b = json[(int) at + 1] & 0xFF;
                if (b > ' ' && b < 0x7F && b != '"' && b != '\\') {
                    return true;
                }
            }
            return !p.getText().isBlank();
        }
    }

    /**
     * The epoch day of the date that starts {@code s} in the form {@code yyyy-MM-dd}, read by hand (the
     * formatter is slow, and costly to compile); as strict as {@code LocalDate.parse}: a day that
     * does not exist (February 30) is refused.
     */
    static int isoDay(String s) throws NotPlain {
        expect(s.charAt(4) == '-' && s.charAt(7) == '-');
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        expect(month >= 1 && month <= 12 && day >= 1 && day <= java.time.YearMonth.of(year, month).lengthOfMonth());
        return (int) LocalDate.of(year, month, day).toEpochDay();
    }

    /** The number written with {@code n} ASCII digits at {@code from}. */
    private static int digits(String s, int from, int n) throws NotPlain {
        int value = 0;
        for (int i = from; i < from + n; i++) {
            char c = s.charAt(i);
            expect(c >= '0' && c <= '9');
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /** Marks a field as seen; a field given twice is left to the codec. */
    private static int once(int seen, int bit) throws NotPlain {
        expect((seen & bit) == 0);
        return seen | bit;
    }

    private static void expect(boolean plain) throws NotPlain {
        if (!plain) {
            throw NotPlain.INSTANCE;
        }
    }
}
