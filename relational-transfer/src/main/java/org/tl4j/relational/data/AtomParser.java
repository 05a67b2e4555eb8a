package org.tl4j.relational.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Parses one line of the BoostSRL/srlearn fact and example format: a ground atom followed by a period, e.g.
 * {@code advisedby(person217,person342).}
 * <p>
 * Accepted: spaces around names, commas and parentheses; blank lines and comment lines starting with {@code //} or
 * {@code %} (skipped); constants that are lower-case or digit-initial tokens of letters, digits, {@code _}, {@code -}
 * and {@code .}; quoted constants {@code "…"} or {@code '…'} (the constant is the text between the quotes, so
 * {@code 'abc'} and {@code abc} are the same constant). Rejected with the file and line: a missing final period,
 * missing parentheses, an empty argument, a nested term, an upper-case or {@code _}-initial argument (a variable in
 * this format, and facts must be ground) and a predicate name that is not a lower-case identifier.
 * <p>
 * Written by hand because the format is a small subset of Prolog syntax for which no maintained Java reader exists
 * on Maven Central; the grammar above is all of it.
 */
public final class AtomParser {
    private AtomParser() {
    }

    /**
     * Parses a line.
     *
     * @param line       the text of the line
     * @param source     the file name, for errors
     * @param lineNumber the 1-based line number, for errors
     * @return the atom, or empty for a blank or comment line
     * @throws RelationalFormatException if the line is not a ground atom
     */
    public static Optional<GroundAtom> parse(String line, String source, int lineNumber) {
        String s = line.strip();
        if (s.isEmpty() || s.startsWith("//") || s.startsWith("%")) {
            return Optional.empty();
        }
        if (!s.endsWith(".")) {
            throw error(source, lineNumber, "expected a ground atom ending with '.', e.g. advisedby(p1,p2). — found '"
                    + abbreviate(s) + "'");
        }
        s = s.substring(0, s.length() - 1).strip();
        int open = s.indexOf('(');
        if (open < 0 || !s.endsWith(")")) {
            throw error(source, lineNumber, "expected name(arg,...). — found '" + abbreviate(line.strip()) + "'");
        }
        String name = s.substring(0, open).strip();
        if (!isPredicateName(name)) {
            throw error(source, lineNumber, "predicate name '" + name + "' is not a lower-case identifier "
                    + "([a-z][A-Za-z0-9_]*)");
        }
        List<String> args = splitArguments(s.substring(open + 1, s.length() - 1), source, lineNumber);
        return Optional.of(new GroundAtom(name, args));
    }

    private static List<String> splitArguments(String inner, String source, int lineNumber) {
        List<String> args = new ArrayList<>();
        int i = 0;
        int n = inner.length();
        while (true) {
            while (i < n && Character.isWhitespace(inner.charAt(i))) {
                i++;
            }
            if (i >= n) {
                throw error(source, lineNumber, "empty argument " + (args.size() + 1) + " in '(" + inner + ")'");
            }
            char c = inner.charAt(i);
            String arg;
            if (c == '"' || c == '\'') {
                int close = inner.indexOf(c, i + 1);
                if (close < 0) {
                    throw error(source, lineNumber, "unterminated quoted constant starting at '"
                            + abbreviate(inner.substring(i)) + "'");
                }
                arg = inner.substring(i + 1, close);
                if (arg.isEmpty()) {
                    throw error(source, lineNumber, "empty quoted constant in argument " + (args.size() + 1));
                }
                i = close + 1;
            } else {
                int start = i;
                while (i < n && inner.charAt(i) != ',' && !Character.isWhitespace(inner.charAt(i))) {
                    i++;
                }
                arg = inner.substring(start, i);
                if (arg.isEmpty()) {
                    throw error(source, lineNumber, "empty argument " + (args.size() + 1) + " in '(" + inner + ")'");
                }
                checkBareConstant(arg, args.size() + 1, source, lineNumber);
            }
            args.add(arg);
            while (i < n && Character.isWhitespace(inner.charAt(i))) {
                i++;
            }
            if (i >= n) {
                return args;
            }
            if (inner.charAt(i) != ',') {
                throw error(source, lineNumber, "expected ',' or ')' after argument " + args.size() + " '" + arg
                        + "', found '" + abbreviate(inner.substring(i)) + "'");
            }
            i++;
        }
    }

    private static void checkBareConstant(String arg, int position, String source, int lineNumber) {
        char first = arg.charAt(0);
        if (Character.isUpperCase(first) || first == '_') {
            throw error(source, lineNumber, "argument " + position + " '" + arg + "' starts with '" + first
                    + "', which makes it a variable in this format; facts and examples must be ground (write it in"
                    + " lower case or quote it: '" + arg + "')");
        }
        for (int k = 0; k < arg.length(); k++) {
            char c = arg.charAt(k);
            if (c == '(' || c == ')') {
                throw error(source, lineNumber, "argument " + position + " '" + arg + "' is a compound term; only"
                        + " constants are allowed");
            }
            if (!(Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.')) {
                throw error(source, lineNumber, "argument " + position + " '" + arg + "' contains '" + c
                        + "'; quote constants with such characters");
            }
        }
    }

    /** Whether a name is a lower-case identifier {@code [a-z][A-Za-z0-9_]*}. */
    public static boolean isPredicateName(String name) {
        if (name.isEmpty() || !(name.charAt(0) >= 'a' && name.charAt(0) <= 'z')) {
            return false;
        }
        for (int k = 1; k < name.length(); k++) {
            char c = name.charAt(k);
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_')) {
                return false;
            }
        }
        return true;
    }

    private static RelationalFormatException error(String source, int line, String problem) {
        return new RelationalFormatException(source, line, problem);
    }

    private static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }
}
