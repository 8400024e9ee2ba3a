package io.roleradar.ingest.text;

/**
 * Converts a Python literal ({@code {'a': None, 'b': [True, 'x']}}), as some scrapers save nested
 * JSON fields by printing the dict, into JSON text Jackson can read. Only the literal syntax is
 * handled (strings in either quote, None/True/False, numbers, dicts, lists, tuples); anything else
 * is passed through, so the JSON parser reports it.
 */
public final class PythonLiteral {
    private PythonLiteral() {
    }

    public static String toJson(String python) {
        StringBuilder out = new StringBuilder(python.length() + 16);
        int i = 0;
        int n = python.length();
        while (i < n) {
            char c = python.charAt(i);
            if (c == '\'' || c == '"') {
                i = string(python, i, out);
            } else if (c == '(') {
                out.append('[');
                i++;
            } else if (c == ')') {
                out.append(']');
                i++;
            } else if (Character.isLetter(c)) {
                int start = i;
                while (i < n && Character.isLetterOrDigit(python.charAt(i))) {
                    i++;
                }
                String word = python.substring(start, i);
                out.append(switch (word) {
                    case "None" -> "null";
                    case "True" -> "true";
                    case "False" -> "false";
                    default -> word;
                });
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static int string(String s, int start, StringBuilder out) {
        char quote = s.charAt(start);
        out.append('"');
        int i = start + 1;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char next = s.charAt(i + 1);
                if (next == '\'') {
                    out.append('\'');
                } else {
                    out.append(c).append(next);
                }
                i += 2;
                continue;
            }
            if (c == quote) {
                out.append('"');
                return i + 1;
            }
            if (c == '"') {
                out.append("\\\"");
            } else {
                out.append(c);
            }
            i++;
        }
        out.append('"');
        return i;
    }
}
