package org.tl4j.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Providers of one service interface, discovered with {@link ServiceLoader} and indexed by a stable name.
 * Duplicate names are refused (naming both classes); a provider that fails to load is logged and skipped so one
 * broken jar does not hide the rest; an unknown name is answered with the closest known names.
 *
 * @param <P> the provider type
 */
public final class NamedProviders<P> {
    private static final Logger logger = Logger.getLogger(NamedProviders.class.getName());

    private final String kind;
    private final Map<String, P> byName;

    private NamedProviders(String kind, Map<String, P> byName) {
        this.kind = kind;
        this.byName = Collections.unmodifiableMap(byName);
    }

    /**
     * Indexes {@code providers} by {@code nameOf}.
     *
     * @param kind what the names are, for messages (e.g. {@code strategy})
     * @throws IllegalStateException if two providers share a name
     */
    public static <P> NamedProviders<P> of(String kind, Iterable<? extends P> providers, Function<P, String> nameOf) {
        Map<String, P> m = new LinkedHashMap<>();
        for (P p : providers) {
            String name = nameOf.apply(p);
            P previous = m.putIfAbsent(name, p);
            if (previous != null) {
                throw new IllegalStateException("Two " + kind + " providers are registered as '" + name + "': "
                        + previous.getClass().getName() + " and " + p.getClass().getName()
                        + "; rename one or remove its META-INF/services line");
            }
        }
        List<String> sorted = new ArrayList<>(m.keySet());
        Collections.sort(sorted);
        Map<String, P> ordered = new LinkedHashMap<>();
        for (String n : sorted) {
            ordered.put(n, m.get(n));
        }
        return new NamedProviders<>(kind, ordered);
    }

    /**
     * Discovers the implementations of {@code service} visible to {@code loader}.
     */
    public static <P> NamedProviders<P> load(String kind, Class<P> service, ClassLoader loader, Function<P, String> nameOf) {
        List<P> found = new ArrayList<>();
        Iterator<P> it = ServiceLoader.load(service, loader).iterator();
        while (true) {
            try {
                if (!it.hasNext()) {
                    break;
                }
                found.add(it.next());
            } catch (ServiceConfigurationError e) {
                logger.log(Level.WARNING, "Skipping a " + kind + " provider that failed to load: " + e.getMessage(), e);
            }
        }
        return of(kind, found, nameOf);
    }

    /** Known names, sorted. */
    public List<String> names() {
        return List.copyOf(byName.keySet());
    }

    /** Providers in name order. */
    public List<P> all() {
        return List.copyOf(byName.values());
    }

    /** Whether {@code name} is registered. */
    public boolean contains(String name) {
        return byName.containsKey(name);
    }

    /**
     * The provider registered as {@code name}.
     *
     * @throws UnknownNameException naming the closest known names
     */
    public P get(String name) {
        P p = byName.get(name);
        if (p == null) {
            throw new UnknownNameException(kind, name, closest(name, byName.keySet()), names());
        }
        return p;
    }

    /**
     * The known names closest to {@code query} by edit distance (case-insensitive), best first: those within
     * a third of the query's length (at least 2 edits), or containing it, at most five.
     */
    public static List<String> closest(String query, Iterable<String> known) {
        String q = query.toLowerCase(Locale.ROOT);
        int limit = Math.max(2, q.length() / 3);
        List<Map.Entry<String, Integer>> scored = new ArrayList<>();
        for (String k : known) {
            String kl = k.toLowerCase(Locale.ROOT);
            int d = editDistance(q, kl);
            if (d <= limit || (!q.isEmpty() && (kl.contains(q) || q.contains(kl)))) {
                scored.add(Map.entry(k, d));
            }
        }
        scored.sort(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey(Comparator.naturalOrder())));
        List<String> out = new ArrayList<>();
        for (int i = 0; i < Math.min(5, scored.size()); i++) {
            out.add(scored.get(i).getKey());
        }
        return out;
    }

    /** Optimal-string-alignment distance (Levenshtein with adjacent transpositions). */
    static int editDistance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int v = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    v = Math.min(v, d[i - 2][j - 2] + 1);
                }
                d[i][j] = v;
            }
        }
        return d[a.length()][b.length()];
    }

    /** Thrown for a name no provider is registered under; the message lists the closest names. */
    public static final class UnknownNameException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
        private final String name;
        private final List<String> suggestions;

        UnknownNameException(String kind, String name, List<String> suggestions, List<String> known) {
            super(message(kind, name, suggestions, known));
            this.name = name;
            this.suggestions = List.copyOf(suggestions);
        }

        /** The name that was not found. */
        public String name() {
            return name;
        }

        /** The closest known names, best first (possibly empty). */
        public List<String> suggestions() {
            return suggestions;
        }

        private static String message(String kind, String name, List<String> suggestions, List<String> known) {
            StringBuilder sb = new StringBuilder("Unknown ").append(kind).append(" '").append(name).append("'");
            if (!suggestions.isEmpty()) {
                sb.append("; did you mean ").append(String.join(", ", suggestions)).append("?");
            }
            sb.append(" Known ").append(kind).append(" names: ").append(known.isEmpty() ? "(none registered)" : String.join(", ", known));
            return sb.toString();
        }
    }
}
