package org.tl4j.relational.data;

import java.util.ArrayList;
import java.util.List;

/**
 * A mode declaration in the BoostSRL syntax, e.g. {@code movie(+movie,-person).}: the argument types of a body
 * predicate and, per argument, whether a literal must reuse a variable already in the clause ({@code +}) or
 * introduces a new one ({@code -}). Several declarations of one predicate allow several patterns. Constant
 * ({@code #}) and other BoostSRL markers are rejected with a message, since tl4j's learner places no constants in
 * clauses.
 *
 * @param predicate the predicate name
 * @param inputs    per argument: {@code true} for {@code +} (an existing variable), {@code false} for {@code -}
 * @param types     per argument: the type name
 */
public record ModeDeclaration(String predicate, List<Boolean> inputs, List<String> types) {

    /** Validates and copies. */
    public ModeDeclaration {
        inputs = List.copyOf(inputs);
        types = List.copyOf(types);
        if (inputs.size() != types.size() || inputs.isEmpty()) {
            throw new IllegalArgumentException("Mode of '" + predicate + "' needs one marker and one type per"
                    + " argument, at least one argument");
        }
    }

    /** The number of arguments. */
    public int arity() {
        return types.size();
    }

    /** The typed predicate this mode declares. */
    public PredicateSignature signature() {
        return new PredicateSignature(predicate, types);
    }

    /**
     * Parses one declaration such as {@code ta(+course,-person,+quarter).} (the final period is optional).
     *
     * @throws RelationalFormatException naming the source and line if it is malformed
     */
    public static ModeDeclaration parse(String text, String source, int line) {
        String s = text.strip();
        if (s.endsWith(".")) {
            s = s.substring(0, s.length() - 1).strip();
        }
        int open = s.indexOf('(');
        if (open < 0 || !s.endsWith(")")) {
            throw new RelationalFormatException(source, line, "expected a mode such as p(+type,-type). — found '"
                    + text.strip() + "'");
        }
        String name = s.substring(0, open).strip();
        if (!AtomParser.isPredicateName(name)) {
            throw new RelationalFormatException(source, line, "predicate name '" + name
                    + "' is not a lower-case identifier");
        }
        List<Boolean> inputs = new ArrayList<>();
        List<String> types = new ArrayList<>();
        for (String raw : s.substring(open + 1, s.length() - 1).split(",", -1)) {
            String arg = raw.strip();
            if (arg.length() < 2) {
                throw new RelationalFormatException(source, line, "argument '" + arg + "' of mode '" + name
                        + "' needs a marker (+ or -) and a type name");
            }
            char marker = arg.charAt(0);
            if (marker != '+' && marker != '-') {
                throw new RelationalFormatException(source, line, "marker '" + marker + "' in mode '" + name
                        + "' is not supported: use + (existing variable) or - (new variable); tl4j puts no"
                        + " constants (#) in clauses");
            }
            String type = arg.substring(1).strip();
            if (!AtomParser.isPredicateName(type)) {
                throw new RelationalFormatException(source, line, "type '" + type + "' in mode '" + name
                        + "' is not a lower-case identifier");
            }
            inputs.add(marker == '+');
            types.add(type);
        }
        return new ModeDeclaration(name, inputs, types);
    }

    /**
     * Parses a text of declarations, one per line; blank lines and lines starting with {@code //} or {@code %} are
     * skipped.
     */
    public static List<ModeDeclaration> parseAll(String text, String source) {
        List<ModeDeclaration> out = new ArrayList<>();
        String[] lines = text.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i].strip();
            if (l.isEmpty() || l.startsWith("//") || l.startsWith("%")) {
                continue;
            }
            out.add(parse(l, source, i + 1));
        }
        return out;
    }

    /** {@code p(+t1,-t2)}. */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(predicate).append('(');
        for (int i = 0; i < types.size(); i++) {
            b.append(i > 0 ? "," : "").append(inputs.get(i) ? '+' : '-').append(types.get(i));
        }
        return b.append(')').toString();
    }
}
