package io.roleradar.classifier.taxonomy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.roleradar.classifier.learn.Bucket;
import io.roleradar.classifier.learn.FeatureVector;
import io.roleradar.classifier.learn.LearnedModel;
import io.roleradar.classifier.text.PhraseMatcher;
import io.roleradar.model.Domain;
import io.roleradar.model.Level;
import io.roleradar.model.Responsibility;
import io.roleradar.model.Round;
import io.roleradar.model.Specialization;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;

/**
 * Reads a taxonomy file (format in classifier/README.md) and checks all of it before anything is
 * classified, collecting every problem with its JSON path and the fix, the way Commons CSV's
 * messages tell the user what to change. The built-in taxonomy is the resource
 * {@value #RESOURCE}; {@code --taxonomy FILE} replaces it with {@link #load(Path)}.
 */
public final class TaxonomyLoader {
    /** The classpath location of the built-in taxonomy. */
    public static final String RESOURCE = "/taxonomy/taxonomy.json";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final String origin;
    private final List<String> problems = new ArrayList<>();

    private TaxonomyLoader(String origin) {
        this.origin = origin;
    }

    /** The taxonomy shipped with the classifier. */
    public static Taxonomy loadDefault() {
        return parse(shippedJson(), "resource " + RESOURCE);
    }

    /** The JSON text of the taxonomy shipped with the classifier. */
    public static String shippedJson() {
        try (InputStream in = TaxonomyLoader.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the built-in taxonomy " + RESOURCE + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A taxonomy file given by the user; a missing or invalid one fails with what to fix. */
    public static Taxonomy load(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new TaxonomyException(file.toString(), List.of("the file does not exist or is not a regular file:"
                    + " pass the path of a taxonomy JSON file (see classifier/README.md)"));
        }
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        } catch (IOException e) {
            throw new TaxonomyException(file.toString(), List.of("cannot read it: " + e.getMessage()));
        }
    }

    /** Parses and checks a taxonomy given as JSON text; {@code origin} names it in messages. */
    public static Taxonomy parse(String json, String origin) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new TaxonomyException(origin, List.of("not valid JSON at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage()));
        }
        if (root == null || !root.isObject()) {
            throw new TaxonomyException(origin, List.of("expected a JSON object with version, sections, rules, "
                    + "thresholds, levels and rounds"));
        }
        return new TaxonomyLoader(origin).read(root);
    }

    private Taxonomy read(JsonNode root) {
        String version = text(root, "version", "$");
        if (version != null && !version.matches("[A-Za-z0-9._+-]{1,64}")) {
            problem("$.version '" + version + "' must be 1-64 letters, digits, '.', '_', '+' or '-', e.g. \"2026.11-1\"");
        }
        Taxonomy.SectionRules sections = sections(object(root, "sections", "$"));
        List<Rule> rules = rules(root.get("rules"));
        Taxonomy.Thresholds thresholds = thresholds(object(root, "thresholds", "$"));
        Taxonomy.LevelRules levels = levels(object(root, "levels", "$"));
        Taxonomy.RoundRules rounds = rounds(object(root, "rounds", "$"));
        Taxonomy.Model model = root.has("model") ? model(root.get("model"), rules) : null;
        if (!problems.isEmpty()) {
            throw new TaxonomyException(origin, problems);
        }
        return new Taxonomy(version, sections, rules, thresholds, levels, rounds, model);
    }

    /** The learned decisions: every decision present, every feature name a known rule and bucket or a word. */
    private Taxonomy.Model model(JsonNode node, List<Rule> rules) {
        if (!node.isObject()) {
            problem("$.model must be an object {trainedOn, decisions}; remove it to decide by the thresholds");
            return null;
        }
        unknownKeys(node, "$.model", Set.of("trainedOn", "decisions"));
        String trainedOn = node.path("trainedOn").asText("");
        JsonNode decisions = object(node, "decisions", "$.model");
        if (decisions == null) {
            return null;
        }
        Set<String> ruleIds = new HashSet<>();
        rules.forEach(r -> {
            ruleIds.add(r.id());
            r.phrases().forEach(p -> ruleIds.add(r.id() + ":" + p));
        });
        Set<String> buckets = enumNames(Bucket.values());
        Set<String> required = new LinkedHashSet<>(List.of(LearnedModel.ML_ROLE, LearnedModel.INFRA, LearnedModel.SPECIALIST));
        for (Domain d : Domain.values()) {
            required.add(LearnedModel.DOMAIN_PREFIX + d.name());
        }
        unknownKeys(decisions, "$.model.decisions", required);
        Map<String, Taxonomy.DecisionWeights> out = new HashMap<>();
        for (String name : required) {
            String path = "$.model.decisions." + name;
            JsonNode d = decisions.get(name);
            if (d == null || !d.isObject()) {
                problem(path + " is missing: the model needs every decision of " + required);
                continue;
            }
            unknownKeys(d, path, Set.of("bias", "threshold", "weights"));
            double bias = number(d, "bias", path, -100, 100);
            double threshold = number(d, "threshold", path, 0, 1);
            Map<String, Double> weights = new HashMap<>();
            JsonNode w = object(d, "weights", path);
            if (w != null) {
                for (Map.Entry<String, JsonNode> e : w.properties()) {
                    String feature = e.getKey();
                    if (!e.getValue().isNumber()) {
                        problem(path + ".weights." + feature + " must be a number");
                        continue;
                    }
                    if (!knownFeature(feature, ruleIds, buckets, required)) {
                        problem(path + ".weights has the unknown feature '" + feature + "': use RULE_ID@BUCKET or RULE_ID:PHRASE@BUCKET with a rule"
                                + " (and one of its phrases) of $.rules and a bucket of " + new TreeSet<>(buckets)
                                + ", title:WORD / department:WORD (lower case), or hand:DECISION");
                        continue;
                    }
                    weights.put(feature, e.getValue().asDouble());
                }
            }
            out.put(name, new Taxonomy.DecisionWeights(bias, threshold, weights));
        }
        return new Taxonomy.Model(trainedOn, out);
    }

    private static boolean knownFeature(String feature, Set<String> ruleIds, Set<String> buckets,
                                        Set<String> decisions) {
        for (String prefix : List.of(FeatureVector.TITLE_WORD, FeatureVector.DEPARTMENT_WORD)) {
            if (feature.startsWith(prefix)) {
                String word = feature.substring(prefix.length());
                return !word.isEmpty() && word.equals(word.toLowerCase(Locale.ROOT));
            }
        }
        if (feature.startsWith(FeatureVector.HAND)) {
            return decisions.contains(feature.substring(FeatureVector.HAND.length()));
        }
        int at = feature.lastIndexOf('@');
        return at > 0 && ruleIds.contains(feature.substring(0, at)) && buckets.contains(feature.substring(at + 1));
    }

    private Taxonomy.SectionRules sections(JsonNode node) {
        if (node == null) {
            return null;
        }
        unknownKeys(node, "$.sections", Set.of("headingMaxChars", "titleWeight", "departmentWeight", "weights", "markers"));
        int maxChars = (int) number(node, "headingMaxChars", "$.sections", 1, 500);
        double titleWeight = number(node, "titleWeight", "$.sections", 0, 10);
        double departmentWeight = number(node, "departmentWeight", "$.sections", 0, 1);
        Map<SectionKind, Double> weights = new EnumMap<>(SectionKind.class);
        JsonNode w = object(node, "weights", "$.sections");
        if (w != null) {
            for (SectionKind kind : SectionKind.values()) {
                if (!w.has(kind.name())) {
                    problem("$.sections.weights has no " + kind.name() + ": give every section kind a weight in [0, 1] ("
                            + Arrays.toString(SectionKind.values()) + ")");
                } else {
                    weights.put(kind, number(w, kind.name(), "$.sections.weights", 0, 1));
                }
            }
            unknownKeys(w, "$.sections.weights", enumNames(SectionKind.values()));
        }
        Map<SectionKind, List<String>> markers = new EnumMap<>(SectionKind.class);
        JsonNode m = object(node, "markers", "$.sections");
        if (m != null) {
            unknownKeys(m, "$.sections.markers", enumNames(SectionKind.values()));
            for (SectionKind kind : SectionKind.values()) {
                if (m.has(kind.name())) {
                    markers.put(kind, phrases(m.get(kind.name()), "$.sections.markers." + kind.name()));
                }
            }
        }
        return new Taxonomy.SectionRules(maxChars, titleWeight, departmentWeight, weights, markers);
    }

    private List<Rule> rules(JsonNode node) {
        List<Rule> rules = new ArrayList<>();
        if (!nonEmptyArray(node, "$.rules must be a non-empty array of rules {id, signal, scope, weight, phrases}")) {
            return rules;
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode r = node.get(i);
            String path = "$.rules[" + i + "]";
            if (!r.isObject()) {
                problem(path + " must be an object {id, signal, scope, weight, phrases}");
                continue;
            }
            String id = text(r, "id", path);
            if (id != null) {
                path = path + " (" + id + ")";
                if (!ids.add(id)) {
                    problem(path + ": the id is used twice; give each rule its own id");
                }
            }
            Signal signal = enumValue(r, "signal", path, Signal.class, true);
            Scope scope = r.has("scope") ? enumValue(r, "scope", path, Scope.class, true) : Scope.ANY;
            double weight = number(r, "weight", path, -50, 50);
            int cap = r.has("cap") ? (int) number(r, "cap", path, 1, 100) : 3;
            List<String> phrases = phrases(r.get("phrases"), path + ".phrases");
            Domain domain = enumValue(r, "domain", path, Domain.class, signal == Signal.DOMAIN);
            Level level = enumValue(r, "level", path, Level.class, signal == Signal.LEVEL);
            if (r.has("round")) {
                problem(path + " has 'round': a round is stated only by the posting's hiring process; put its"
                        + " phrases in $.rounds.process.steps instead (see classifier/README.md)");
            }
            unknownKeys(r, path, Set.of("id", "signal", "scope", "weight", "cap", "phrases", "domain", "level",
                    "round", "comment"));
            if (id != null && signal != null) {
                rules.add(new Rule(id, signal, scope, weight, cap, phrases, domain, level));
            }
        }
        return rules;
    }

    private List<String> phrases(JsonNode node, String path) {
        List<String> phrases = new ArrayList<>();
        if (!nonEmptyArray(node, path + " must be a non-empty array of phrases, e.g. "
                + "[\"machine learning engineer\"]")) {
            return phrases;
        }
        for (int i = 0; i < node.size(); i++) {
            JsonNode p = node.get(i);
            if (!p.isTextual() || p.asText().isBlank()) {
                problem(path + "[" + i + "] must be a non-blank string");
                continue;
            }
            try {
                PhraseMatcher.compile(List.of(p.asText()));
                phrases.add(p.asText());
            } catch (IllegalArgumentException e) {
                problem(path + "[" + i + "]: " + e.getMessage());
            }
        }
        return phrases;
    }

    private Taxonomy.Thresholds thresholds(JsonNode node) {
        if (node == null) {
            return null;
        }
        String p = "$.thresholds";
        unknownKeys(node, p, Set.of("ml", "mlText", "mlScale", "infraMargin", "specialist", "domain", "domainScale",
                "domainSpecialist", "manager", "domainToMl", "domainToMlCap", "domainExamples",
                "domainExamplesWeight"));
        return new Taxonomy.Thresholds(number(node, "ml", p, -50, 50), number(node, "mlText", p, 0, 50),
                number(node, "mlScale", p, 0.01, 50),
                number(node, "infraMargin", p, -50, 50), number(node, "specialist", p, -50, 50),
                number(node, "domain", p, 0, 50), number(node, "domainScale", p, 0.01, 50),
                number(node, "domainSpecialist", p, 0, 100), number(node, "manager", p, 0, 50),
                number(node, "domainToMl", p, 0, 5), number(node, "domainToMlCap", p, 0, 50),
                number(node, "domainExamples", p, 2, 9), number(node, "domainExamplesWeight", p, 0, 1));
    }

    private Taxonomy.LevelRules levels(JsonNode node) {
        if (node == null) {
            return null;
        }
        Pattern pattern = regex(text(node, "yearsPattern", "$.levels"), "$.levels.yearsPattern");
        if (pattern != null && pattern.matcher("").groupCount() < 1) {
            problem("$.levels.yearsPattern needs a capturing group around the (lower) number of years");
        }
        int maxYears = (int) number(node, "maxYears", "$.levels", 1, 60);
        List<Taxonomy.YearBand> bands = new ArrayList<>();
        JsonNode b = node.get("bands");
        if (nonEmptyArray(b, "$.levels.bands must be a non-empty array of {\"minYears\": N, \"level\": LEVEL}")) {
            for (int i = 0; i < b.size(); i++) {
                String path = "$.levels.bands[" + i + "]";
                int min = (int) number(b.get(i), "minYears", path, 0, 60);
                Level level = enumValue(b.get(i), "level", path, Level.class, true);
                bands.add(new Taxonomy.YearBand(min, level));
            }
        }
        Pattern managing = node.has("managingYearsPattern") ? regex(text(node, "managingYearsPattern", "$.levels"),
                "$.levels.managingYearsPattern") : null;
        Set<String> nounWords = new LinkedHashSet<>();
        JsonNode nouns = node.get("nounWords");
        if (nouns != null) {
            if (!nouns.isArray()) {
                problem("$.levels.nounWords must be an array of single lower-case words, e.g. [\"staff\"]");
            } else {
                for (int i = 0; i < nouns.size(); i++) {
                    String word = nouns.get(i).asText("");
                    if (!word.matches("[a-z]+")) {
                        problem("$.levels.nounWords[" + i + "] '" + word + "' must be one lower-case word, e.g. \"staff\"");
                    } else {
                        nounWords.add(word);
                    }
                }
            }
        }
        return new Taxonomy.LevelRules(pattern, maxYears, bands, managing, nounWords);
    }

    private Taxonomy.RoundRules rounds(JsonNode node) {
        if (node == null) {
            return null;
        }
        double stated = number(node, "stated", "$.rounds", 0, 1);
        double factor = number(node, "unstatedFactor", "$.rounds", 0, 1);
        Taxonomy.ProcessRules process = process(object(node, "process", "$.rounds"));
        Map<Round, Taxonomy.RoundRule> byRound = new EnumMap<>(Round.class);
        JsonNode all = object(node, "byRound", "$.rounds");
        if (all != null) {
            unknownKeys(all, "$.rounds.byRound", enumNames(Round.values()));
            for (Round round : Round.values()) {
                String path = "$.rounds.byRound." + round.name();
                JsonNode r = all.get(round.name());
                if (r == null) {
                    problem(path + " is missing: every round needs {base, reason, adjust}");
                    continue;
                }
                double base = number(r, "base", path, 0, 1);
                String reason = text(r, "reason", path);
                List<Taxonomy.Adjustment> adjust = new ArrayList<>();
                JsonNode a = r.get("adjust");
                if (a != null && a.isArray()) {
                    for (int i = 0; i < a.size(); i++) {
                        String ap = path + ".adjust[" + i + "]";
                        adjust.add(new Taxonomy.Adjustment(condition(object(a.get(i), "when", ap), ap + ".when"),
                                number(a.get(i), "delta", ap, -1, 1), text(a.get(i), "reason", ap)));
                    }
                } else if (a != null) {
                    problem(path + ".adjust must be an array of {when, delta, reason}");
                }
                byRound.put(round, new Taxonomy.RoundRule(base, reason, adjust));
            }
        }
        return new Taxonomy.RoundRules(stated, factor, process, byRound);
    }

    private Taxonomy.ProcessRules process(JsonNode node) {
        if (node == null) {
            return null;
        }
        String path = "$.rounds.process";
        unknownKeys(node, path, Set.of("comment", "headings", "weakHeadings", "headingMaxChars", "stepNumbering",
                "sentenceCues", "notProcess", "cues", "steps", "listLeadIns"));
        Pattern numbering = regex(text(node, "stepNumbering", path), path + ".stepNumbering");
        List<Taxonomy.StepRule> steps = new ArrayList<>();
        JsonNode s = node.get("steps");
        if (nonEmptyArray(s, path + ".steps must be a non-empty array of {id, round, phrases} (round left out for"
                + " steps with no ML content, such as a recruiter call)")) {
            Set<String> ids = new HashSet<>();
            for (int i = 0; i < s.size(); i++) {
                String sp = path + ".steps[" + i + "]";
                JsonNode step = s.get(i);
                unknownKeys(step, sp, Set.of("id", "round", "phrases", "requires", "describesAlone", "qualifies", "comment"));
                String id = text(step, "id", sp);
                if (id != null && !ids.add(id)) {
                    problem(sp + " (" + id + "): the id is used twice; give each step group its own id");
                }
                JsonNode alone = step.get("describesAlone");
                if (alone != null && !alone.isBoolean()) {
                    problem(sp + ".describesAlone must be true or false");
                }
                steps.add(new Taxonomy.StepRule(id, enumValue(step, "round", sp, Round.class, false),
                        phrases(step.get("phrases"), sp + ".phrases"), stepIds(step.get("requires"), sp + ".requires"),
                        alone != null && alone.asBoolean(), stepIds(step.get("qualifies"), sp + ".qualifies")));
            }
            for (int i = 0; i < steps.size(); i++) {
                Taxonomy.StepRule rule = steps.get(i);
                for (String key : List.of("requires", "qualifies")) {
                    for (String named : key.equals("requires") ? rule.requires() : rule.qualifies()) {
                        if (!ids.contains(named) || named.equals(rule.id())) {
                            problem(path + ".steps[" + i + "]." + key + " names '" + named
                                    + "', which is no other step group's id: use one of " + ids);
                        }
                    }
                }
            }
        }
        return new Taxonomy.ProcessRules(phrases(node.get("headings"), path + ".headings"),
                phrases(node.get("weakHeadings"), path + ".weakHeadings"),
                (int) number(node, "headingMaxChars", path, 10, 500), numbering,
                phrases(node.get("sentenceCues"), path + ".sentenceCues"),
                phrases(node.get("notProcess"), path + ".notProcess"),
                phrases(node.get("cues"), path + ".cues"), steps,
                node.has("listLeadIns") ? phrases(node.get("listLeadIns"), path + ".listLeadIns") : List.of());
    }

    private List<String> stepIds(JsonNode node, String path) {
        List<String> out = new ArrayList<>();
        if (node == null) {
            return out;
        }
        if (!node.isArray()) {
            problem(path + " must be an array of step group ids");
            return out;
        }
        node.forEach(n -> out.add(n.asText()));
        return out;
    }

    private Taxonomy.Condition condition(JsonNode node, String path) {
        if (node == null) {
            return new Taxonomy.Condition(null, null, null, null, Set.of(), null);
        }
        unknownKeys(node, path, Set.of("responsibility", "specialization", "level", "levelAtLeast", "anyDomain", "signal"));
        Set<Domain> domains = new HashSet<>();
        JsonNode d = node.get("anyDomain");
        if (d != null) {
            if (!d.isArray()) {
                problem(path + ".anyDomain must be an array of domains " + Arrays.toString(Domain.values()));
            } else {
                for (JsonNode e : d) {
                    Domain domain = parseEnum(e.asText(), path + ".anyDomain", Domain.class);
                    if (domain != null) {
                        domains.add(domain);
                    }
                }
            }
        }
        return new Taxonomy.Condition(
                enumValue(node, "responsibility", path, Responsibility.class, false),
                enumValue(node, "specialization", path, Specialization.class, false),
                enumValue(node, "level", path, Level.class, false),
                enumValue(node, "levelAtLeast", path, Level.class, false),
                domains,
                enumValue(node, "signal", path, Signal.class, false));
    }

    /** Whether {@code node} is a non-empty array; if not, {@code otherwise} is a problem. */
    private boolean nonEmptyArray(JsonNode node, String otherwise) {
        boolean ok = node != null && node.isArray() && !node.isEmpty();
        if (!ok) {
            problem(otherwise);
        }
        return ok;
    }

    /** {@code regex} compiled case-insensitively; null when it is null or, a problem of {@code path}, invalid. */
    private Pattern regex(String regex, String path) {
        if (regex == null) {
            return null;
        }
        try {
            return Pattern.compile(regex, Pattern.CASE_INSENSITIVE);
        } catch (PatternSyntaxException e) {
            problem(path + " is not a valid Java regular expression: " + e.getDescription() + " near index "
                    + e.getIndex());
            return null;
        }
    }

    private JsonNode object(JsonNode parent, String field, String path) {
        JsonNode node = parent == null ? null : parent.get(field);
        if (node == null || !node.isObject()) {
            problem(path + "." + field + " must be an object");
            return null;
        }
        return node;
    }

    private String text(JsonNode parent, String field, String path) {
        JsonNode node = parent == null ? null : parent.get(field);
        if (node == null || !node.isTextual() || node.asText().isBlank()) {
            problem(path + "." + field + " must be a non-blank string");
            return null;
        }
        return node.asText();
    }

    private double number(JsonNode parent, String field, String path, double min, double max) {
        JsonNode node = parent == null ? null : parent.get(field);
        if (node == null || !node.isNumber()) {
            problem(path + "." + field + " must be a number in [" + fmt(min) + ", " + fmt(max) + "]");
            return min;
        }
        double v = node.asDouble();
        if (v < min || v > max) {
            problem(path + "." + field + " is " + fmt(v) + ": it must lie in [" + fmt(min) + ", " + fmt(max) + "]");
        }
        return v;
    }

    private <E extends Enum<E>> E enumValue(JsonNode parent, String field, String path, Class<E> type, boolean required) {
        JsonNode node = parent == null ? null : parent.get(field);
        if (node == null || node.isNull()) {
            if (required) {
                problem(path + "." + field + " is required: one of " + Arrays.toString(type.getEnumConstants()));
            }
            return null;
        }
        return parseEnum(node.asText(), path + "." + field, type);
    }

    private <E extends Enum<E>> E parseEnum(String value, String path, Class<E> type) {
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problem(path + " is '" + value + "': use one of " + Arrays.toString(type.getEnumConstants()));
            return null;
        }
    }

    private void unknownKeys(JsonNode node, String path, Set<String> known) {
        node.fieldNames().forEachRemaining(name -> {
            if (!known.contains(name)) {
                problem(path + " has the unknown field '" + name + "': remove it or use one of "
                        + new TreeSet<>(known));
            }
        });
    }

    private static Set<String> enumNames(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).collect(Collectors.toSet());
    }

    private void problem(String message) {
        problems.add(message);
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
