package io.roleradar.ingest.fetch;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The rules of one robots.txt for one user agent (RFC 9309): the group naming our product token,
 * else the {@code *} group; the longest matching Allow/Disallow path wins, Allow on a tie;
 * {@code *} and {@code $} wildcards are understood.
 */
public final class RobotsRules {
    public static final RobotsRules ALLOW_ALL = new RobotsRules(List.of());
    /** What RFC 9309 asks when robots.txt cannot be fetched for a server error: assume everything is disallowed. */
    public static final RobotsRules DISALLOW_ALL =
            new RobotsRules(List.of(new Rule(false, "/", Pattern.compile("/.*"))));
    private final List<Rule> rules;

    private RobotsRules(List<Rule> rules) {
        this.rules = rules;
    }

    public static RobotsRules parse(String robotsTxt, String agent) {
        String token = agent.toLowerCase(Locale.ROOT);
        List<Rule> mine = new ArrayList<>();
        List<Rule> star = new ArrayList<>();
        boolean mineFound = false;
        List<String> groupAgents = new ArrayList<>();
        List<Rule> groupRules = new ArrayList<>();
        boolean inRules = false;
        for (String raw : (robotsTxt + "\nuser-agent: __end__").split("\r?\n|\r")) {
            String line = raw.replaceFirst("#.*", "").trim();
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String key = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).trim();
            if (key.equals("user-agent")) {
                if (inRules) {
                    for (String a : groupAgents) {
                        if (a.equals("*")) {
                            star.addAll(groupRules);
                        } else if (token.contains(a) || a.contains(token)) {
                            mine.addAll(groupRules);
                            mineFound = true;
                        }
                    }
                    groupAgents.clear();
                    groupRules = new ArrayList<>();
                    inRules = false;
                }
                groupAgents.add(value.toLowerCase(Locale.ROOT));
            } else if (key.equals("allow") || key.equals("disallow")) {
                inRules = true;
                if (!value.isEmpty()) {
                    groupRules.add(new Rule(key.equals("allow"), value, toPattern(value)));
                }
            }
        }
        return new RobotsRules(mineFound ? mine : star);
    }

    /** True when the path (with its query) may be fetched. */
    public boolean allows(String pathAndQuery) {
        String path = pathAndQuery == null || pathAndQuery.isEmpty() ? "/" : pathAndQuery;
        Rule best = null;
        for (Rule r : rules) {
            if (r.pattern.matcher(path).matches()) {
                if (best == null || r.path.length() > best.path.length()
                        || (r.path.length() == best.path.length() && r.allow)) {
                    best = r;
                }
            }
        }
        return best == null || best.allow;
    }

    private static Pattern toPattern(String path) {
        boolean anchored = path.endsWith("$");
        String p = anchored ? path.substring(0, path.length() - 1) : path;
        String regex = Arrays.stream(p.split("\\*", -1)).map(Pattern::quote).collect(Collectors.joining(".*"));
        return Pattern.compile(regex + (anchored ? "" : ".*"), Pattern.DOTALL);
    }

    private record Rule(boolean allow, String path, Pattern pattern) {
    }
}
