package io.roleradar.ingest.text;

import io.roleradar.model.Salary;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A pay range stated in a posting's text, for sources without a structured pay field:
 * "$150,000 - $200,000", "$150K-$200K", "EUR 70-90k", "£60,000 to £80,000", "$60/hour",
 * "between 120k and 150k USD". Only an amount in pay context counts: a pay word (salary,
 * compensation, pay, wage, OTE, ...) shortly before it or right after it, and no word of another
 * kind of money just before it (a deal, funding, a bonus, a stipend), so "$50M Series B", "401(k)"
 * and "deals in the $25k-$50k range" are not pay. The first such range in the text counts; values
 * are kept as stated (the reporter decides what is plausible).
 */
public final class PayInText {
    private static final List<String> CODES = List.of("USD", "EUR", "GBP", "CAD", "AUD", "CHF", "SGD", "INR", "JPY",
            "SEK", "NOK", "DKK", "PLN", "NZD", "HKD", "ILS", "BRL", "MXN");
    private static final List<String> SYMBOLS = List.of("$", "€", "£", "¥", "₹");
    private static final String CURRENCY = "(?:US\\$|CA\\$|C\\$|AU\\$|A\\$|NZ\\$|SG\\$|S\\$|HK\\$|[$€£¥₹]|\\b(?:"
            + String.join("|", CODES) + ")\\b\\s?)";
    /**
     * An amount: "150,000", "150,000.50", "60.000" (a '.' before groups of three digits separates
     * thousands, as in much of Europe), "25.50", "150" with an optional "k".
     */
    private static final String AMOUNT = "(\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d{1,3}(?:\\.\\d{3})+(?!\\d)|\\d+(?:\\.\\d+)?)"
            + "\\s?([kK](?![a-zA-Z]))?";
    private static final Pattern DOT_THOUSANDS = Pattern.compile("\\d{1,3}(?:\\.\\d{3})+");
    /** An amount written in whole thousands with a separator: "195,000", "65.000". */
    private static final Pattern WHOLE_THOUSANDS = Pattern.compile("\\d{1,3}(?:[,.]\\d{3})*[,.]000");
    private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);
    /** Not followed by millions or billions: "$50M", "$2-3 billion" are never pay. */
    private static final String NOT_MILLIONS = "(?!\\s?(?:[mMbB](?![a-zA-Z])|mm\\b|million|billion|bn\\b))";
    /** Where an amount or its currency can start: a cheap first test at each position of the text. */
    private static final String CAN_START = "(?=[\\d$€£¥₹A-Z])";
    private static final Pattern RANGE = Pattern.compile(CAN_START + "(" + CURRENCY + ")?\\s?(?<![\\d.,])" + AMOUNT
            + "\\s*(?:[-\u2010-\u2015]|to|and)\\s*(" + CURRENCY + ")?\\s?" + AMOUNT + NOT_MILLIONS
            + "(?:\\s?(" + String.join("|", CODES) + ")\\b)?");
    private static final Pattern SINGLE = Pattern.compile(CAN_START + "(" + CURRENCY + ")\\s?" + AMOUNT + NOT_MILLIONS
            + "(?:\\s?(" + String.join("|", CODES) + ")\\b)?(?=\\s?(?:/|per\\b|an?\\b)\\s?(?:hour|hr|h|year|yr|annum|month|mo|week|day)\\b)");
    /** Words of pay, in English and German ("Gehalt", "Bruttojahresgehalt", "Gehaltspaket", "Vergütung"). */
    private static final Pattern PAY_WORD = Pattern.compile(
            "\\b(?:salary|salaries|compensation|pay|paid|wages?|ote|on-target|remuneration|earnings|\\w*gehalt\\w*|vergütung)\\b");
    /** Words of money that is not pay: a deal, funding, a bonus, a benefit. */
    private static final String OTHER_MONEY_WORDS = "deals?|arr|acv|revenue|funding|raised|series|"
            + "valuation|budget|quota|investment|stipend|allowance|reimburs\\w*|bonus|commuter|relocation|referral|"
            + "signing|sign-on|401k?|benefits?|perks?|credits?|grant|hra|hsa|fsa|membership|insurance|coverage";
    private static final Pattern OTHER_MONEY = Pattern.compile("\\b(?:" + OTHER_MONEY_WORDS + ")\\b");
    /**
     * Another kind of money named right after an amount: "$25k ARR", "$10M of funding", "$500k in
     * (annual recurring) revenue". After "in" it takes such a word within two words, since "in the
     * US", "in New York" and "in base salary" follow pay too.
     */
    private static final Pattern OTHER_MONEY_AFTER = Pattern.compile("^\\s?(?:\\+\\s?)?(?:arr|acv|of\\s|deals?|revenue|funding|"
            + "raised|in\\s+(?:[a-z-]+\\s+){0,2}?(?:" + OTHER_MONEY_WORDS + "|equity|capital|sales|value|savings|spend|"
            + "bookings|pipeline|gmv|assets|losses|scope)\\b)");
    /** How far before an amount its pay word may be ("The base salary range for this position is ..."). */
    private static final int PAY_WORD_BEFORE = 160;
    private static final int PAY_WORD_AFTER = 40;
    /** A single amount ("$60/hour") is pay only with its pay word close by. */
    private static final int PAY_WORD_BEFORE_SINGLE = 80;
    /** How far before an amount another kind of money is read as its subject. */
    private static final int OTHER_MONEY_BEFORE = 50;

    private PayInText() {
    }

    /**
     * The first pay range stated in pay context, or null.
     *
     * @param country the posting's country (ISO alpha-2) or null: a bare "$" in a Canadian
     *                posting is Canadian dollars
     */
    public static Salary find(String text, String country) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        Markers markers = new Markers(text);
        Matcher range = RANGE.matcher(text).useTransparentBounds(true);
        Matcher single = SINGLE.matcher(text).useTransparentBounds(true);
        for (int at = markers.next(0); at >= 0; at = markers.next(at + 1)) {
            // A currency is at most a few words from its amounts: look only around it.
            int from = Math.max(0, at - 30);
            int to = wordEnd(text, Math.min(text.length(), at + 60));
            Salary s = inContext(text, range.region(from, to), country, true);
            if (s == null) {
                s = inContext(text, single.region(from, to), country, false);
            }
            if (s != null) {
                return s;
            }
        }
        return null;
    }

    /**
     * The end of the word or number at {@code at}: a window never ends inside one, since an amount
     * cut short is another amount ("$85|,000" reads "85").
     */
    private static int wordEnd(String text, int at) {
        int end = at;
        while (end < text.length() && !Character.isWhitespace(text.charAt(end))) {
            end++;
        }
        return end;
    }

    private static Salary inContext(String text, Matcher m, String country, boolean isRange) {
        while (m.find()) {
            boolean hasCurrency = m.group(1) != null || (isRange ? m.group(4) != null || m.group(7) != null : true);
            if (hasCurrency && inPayContext(text, m.start(), m.end(), isRange ? PAY_WORD_BEFORE : PAY_WORD_BEFORE_SINGLE)) {
                return isRange ? range(text, m, country) : single(text, m, country);
            }
        }
        return null;
    }

    private static Salary range(String text, Matcher m, String country) {
        BigDecimal max = amount(m.group(5), m.group(6));
        BigDecimal min = amount(m.group(2), m.group(3));
        // A bare min below a thousand is in the max's thousands: "$90-110k", and "$170-195,000" when
        // that makes a range (in "$20 - $1,000" the min is as stated).
        boolean bareMin = m.group(3) == null && min.compareTo(THOUSAND) < 0;
        if (bareMin && m.group(6) != null
                || bareMin && WHOLE_THOUSANDS.matcher(m.group(5)).matches() && min.multiply(THOUSAND).compareTo(max) <= 0) {
            min = amount(m.group(2), "k");
        }
        String currency = m.group(7) != null ? m.group(7) : currency(m.group(1) != null ? m.group(1) : m.group(4), country);
        return Salaries.of(min, max, currency, period(text, m.start(), m.end(), max));
    }

    private static Salary single(String text, Matcher m, String country) {
        BigDecimal v = amount(m.group(2), m.group(3));
        String currency = m.group(4) != null ? m.group(4) : currency(m.group(1), country);
        return Salaries.of(v, v, currency, period(text, m.start(), m.end(), v));
    }

    private static boolean inPayContext(String text, int start, int end, int reach) {
        String before = text.substring(Math.max(0, start - reach), start).toLowerCase(Locale.ROOT);
        String after = text.substring(end, Math.min(text.length(), end + PAY_WORD_AFTER)).toLowerCase(Locale.ROOT);
        String justBefore = before.substring(Math.max(0, before.length() - OTHER_MONEY_BEFORE));
        // The nearer word names the money: "WFH Stipend / Compensation / Salary Range: $70,000" is
        // pay, "competitive salary and a home office stipend of $500" is not.
        if (lastStart(OTHER_MONEY, justBefore) > lastStart(PAY_WORD, justBefore) || OTHER_MONEY_AFTER.matcher(after).find()) {
            return false;
        }
        return PAY_WORD.matcher(before).find() || PAY_WORD.matcher(after).find();
    }

    /** Where the last match of a pattern in a text starts, -1 without one. */
    private static int lastStart(Pattern p, String text) {
        Matcher m = p.matcher(text);
        int last = -1;
        while (m.find()) {
            last = m.start();
        }
        return last;
    }

    /**
     * The period stated right after the amounts ("/hour", "per year", "annually") or just before
     * them ("hourly rate", "monthly salary"); without one a yearly-sized amount is a year's pay and
     * a smaller one has no known period.
     */
    private static String period(String text, int start, int end, BigDecimal max) {
        String after = text.substring(end, Math.min(text.length(), end + 25)).toLowerCase(Locale.ROOT);
        String stated = Salaries.periodIn(after);
        if (stated == null) {
            stated = Salaries.periodIn(text.substring(Math.max(0, start - 40), start).toLowerCase(Locale.ROOT));
        }
        if (stated != null) {
            return stated;
        }
        return max != null && max.compareTo(THOUSAND) >= 0 ? "YEAR" : null;
    }

    private static BigDecimal amount(String digits, String k) {
        BigDecimal v = number(digits);
        if (k != null) {
            v = v.multiply(THOUSAND);
        }
        return Salaries.plain(v);
    }

    /** The number an amount's digits write, its thousands separators (',' or '.') left out. */
    private static BigDecimal number(String digits) {
        return new BigDecimal(DOT_THOUSANDS.matcher(digits).matches() ? digits.replace(".", "") : digits.replace(",", ""));
    }

    /** ISO 4217 of a symbol or code; a bare "$" is the dollar of the posting's country, US dollars elsewhere. */
    static String currency(String marker, String country) {
        String c = marker == null ? "" : marker.strip();
        return switch (c) {
            case "US$" -> "USD";
            case "CA$", "C$" -> "CAD";
            case "AU$", "A$" -> "AUD";
            case "NZ$" -> "NZD";
            case "SG$", "S$" -> "SGD";
            case "HK$" -> "HKD";
            case "€" -> "EUR";
            case "£" -> "GBP";
            case "¥" -> "JPY";
            case "₹" -> "INR";
            case "$" -> switch (country == null ? "" : country) {
                case "CA" -> "CAD";
                case "AU" -> "AUD";
                case "NZ" -> "NZD";
                case "SG" -> "SGD";
                case "HK" -> "HKD";
                default -> "USD";
            };
            default -> c.isEmpty() ? null : c;
        };
    }

    /** The currency symbols and codes of a text in order, each found with {@code indexOf} once per occurrence. */
    private static final class Markers {
        private static final List<String> ALL = java.util.stream.Stream.concat(SYMBOLS.stream(), CODES.stream()).toList();
        private final String text;
        private final int[] next = new int[ALL.size()];

        Markers(String text) {
            this.text = text;
            for (int k = 0; k < next.length; k++) {
                next[k] = text.indexOf(ALL.get(k));
            }
        }

        /** The first marker at or after {@code from}, or -1. */
        int next(int from) {
            int best = -1;
            for (int k = 0; k < next.length; k++) {
                if (next[k] >= 0 && next[k] < from) {
                    next[k] = text.indexOf(ALL.get(k), from);
                }
                if (next[k] >= 0 && (best < 0 || next[k] < best)) {
                    best = next[k];
                }
            }
            return best;
        }
    }
}
