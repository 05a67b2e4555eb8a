package org.tl4j.datasets.lfw;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * LFW's pair lists: {@code pairs.txt} (View 2: a header {@code 10 300}, then for each of the ten folds 300 matched
 * pairs {@code name n1 n2} followed by 300 mismatched pairs {@code name1 n1 name2 n2}) and the View 1 lists
 * ({@code pairsDevTrain.txt}, {@code pairsDevTest.txt}: a header {@code N}, then N matched and N mismatched pairs).
 * Fields are separated by tabs or spaces; the file is UTF-8, with or without a byte-order mark. Every malformed line
 * (or byte that is not UTF-8) fails with its line number and what was expected.
 * Immutable.
 */
public final class LfwPairs {

    /**
     * One pair.
     *
     * @param fold   0-based fold
     * @param same   whether both images show the same person
     * @param nameA  first person
     * @param numA   first image number (1-based, as in {@code Name_0001.jpg})
     * @param nameB  second person (= {@code nameA} for matched pairs)
     * @param numB   second image number
     * @param line   the 1-based line it was read from
     */
    public record Pair(int fold, boolean same, String nameA, int numA, String nameB, int numB, int line) {
        /** The first image's key. */
        public String keyA() {
            return LfwDataset.imageKey(nameA, numA);
        }

        /** The second image's key. */
        public String keyB() {
            return LfwDataset.imageKey(nameB, numB);
        }
    }

    private final List<Pair> pairs;
    private final int folds;
    private final int perClass;

    private LfwPairs(List<Pair> pairs, int folds, int perClass) {
        this.pairs = Collections.unmodifiableList(pairs);
        this.folds = folds;
        this.perClass = perClass;
    }

    /** Reads a pair list. */
    public static LfwPairs read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("LFW pair list not found: " + file.toAbsolutePath().normalize()
                    + " (pass --pairs PATH to pairs.txt)");
        }
        String name = file.getFileName().toString();
        return parse(name, text(name, Files.readAllBytes(file)).lines().toList());
    }

    /**
     * The file's text: UTF-8 (ASCII, as LFW's lists are) after an optional byte-order mark; a byte that is not UTF-8
     * (e.g. a list saved as Latin-1) is reported with its line.
     */
    static String text(String fileName, byte[] b) {
        int start = b.length >= 3 && b[0] == (byte) 0xEF && b[1] == (byte) 0xBB && b[2] == (byte) 0xBF ? 3 : 0;
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(b, start, b.length - start);
        CharBuffer out = CharBuffer.allocate(b.length);
        CoderResult r = decoder.decode(in, out, true);
        if (!r.isError()) {
            r = decoder.flush(out);
        }
        if (r.isError()) {
            int at = in.position();
            int line = 1;
            for (int i = 0; i < at; i++) {
                if (b[i] == '\n') {
                    line++;
                }
            }
            throw new LfwFormatException(fileName, line, String.format(Locale.ROOT, "byte 0x%02X is not UTF-8 text "
                    + "(a list saved in another encoding, e.g. Latin-1?): save it as UTF-8; LFW's names are plain "
                    + "ASCII", b[at]));
        }
        return out.flip().toString();
    }

    /**
     * Parses a pair list's lines.
     *
     * @param fileName names the file in error messages
     * @throws LfwFormatException naming the line of the first problem
     */
    public static LfwPairs parse(String fileName, List<String> lines) {
        if (!lines.isEmpty() && lines.get(0).startsWith("\uFEFF")) {
            // A byte-order mark is not part of the header; left in, it would make the first field unreadable.
            lines = new ArrayList<>(lines);
            lines.set(0, lines.get(0).substring(1));
        }
        int first = 0;
        while (first < lines.size() && lines.get(first).isBlank()) {
            first++;
        }
        if (first == lines.size()) {
            throw new LfwFormatException(fileName, 1, "the file is empty; expected a header such as '10 300'");
        }
        String[] header = fields(lines.get(first));
        int folds;
        int perClass;
        if (header.length == 2) {
            folds = positive(header[0], fileName, first + 1, "fold count");
            perClass = positive(header[1], fileName, first + 1, "pairs per class and fold");
        } else if (header.length == 1) {
            folds = 1;
            perClass = positive(header[0], fileName, first + 1, "pair count");
        } else {
            throw new LfwFormatException(fileName, first + 1, "expected a header 'folds pairs-per-fold' (e.g. '10 300') "
                    + "or 'pairs' (e.g. '1100'), found " + header.length + " fields: '" + lines.get(first).strip() + "'");
        }
        List<Pair> out = new ArrayList<>(2 * folds * perClass);
        int i = first + 1;
        for (int f = 0; f < folds; f++) {
            for (int kind = 0; kind < 2; kind++) {
                boolean same = kind == 0;
                for (int k = 0; k < perClass; k++) {
                    if (i >= lines.size()) {
                        throw new LfwFormatException(fileName, i + 1, "the file ends early: the header promises "
                                + folds + " fold(s) of " + perClass + " matched and " + perClass + " mismatched pairs, "
                                + "but fold " + (f + 1) + " has only " + k + " " + (same ? "matched" : "mismatched")
                                + " pairs");
                    }
                    String line = lines.get(i);
                    String[] t = fields(line);
                    int lineNo = i + 1;
                    if (same) {
                        if (t.length != 3) {
                            throw new LfwFormatException(fileName, lineNo, "expected a matched pair 'name n1 n2' (pair "
                                    + (k + 1) + " of fold " + (f + 1) + "), found " + t.length + " fields: '"
                                    + line.strip() + "'");
                        }
                        out.add(new Pair(f, true, name(t[0], fileName, lineNo), number(t[1], fileName, lineNo),
                                t[0], number(t[2], fileName, lineNo), lineNo));
                    } else {
                        if (t.length != 4) {
                            throw new LfwFormatException(fileName, lineNo, "expected a mismatched pair 'name1 n1 name2 "
                                    + "n2' (pair " + (k + 1) + " of fold " + (f + 1) + "), found " + t.length
                                    + " fields: '" + line.strip() + "'");
                        }
                        String a = name(t[0], fileName, lineNo);
                        String b = name(t[2], fileName, lineNo);
                        if (a.equals(b)) {
                            throw new LfwFormatException(fileName, lineNo, "a mismatched pair names the same person '"
                                    + a + "' twice");
                        }
                        out.add(new Pair(f, false, a, number(t[1], fileName, lineNo), b, number(t[3], fileName, lineNo),
                                lineNo));
                    }
                    i++;
                }
            }
        }
        for (; i < lines.size(); i++) {
            if (!lines.get(i).isBlank()) {
                throw new LfwFormatException(fileName, i + 1, "unexpected line after the " + out.size()
                        + " pairs the header promises: '" + lines.get(i).strip() + "'");
            }
        }
        return new LfwPairs(out, folds, perClass);
    }

    private static String[] fields(String line) {
        String s = line.strip();
        return s.isEmpty() ? new String[0] : s.split("[\\t ]+");
    }

    private static int positive(String s, String file, int line, String what) {
        try {
            int v = Integer.parseInt(s);
            if (v > 0) {
                return v;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new LfwFormatException(file, line, "invalid " + what + " '" + s + "': expected a positive integer");
    }

    private static int number(String s, String file, int line) {
        return positive(s, file, line, "image number");
    }

    private static String name(String s, String file, int line) {
        if (!s.matches("[^/\\\\]+") || s.chars().allMatch(Character::isDigit)) {
            throw new LfwFormatException(file, line, "invalid person name '" + s + "'");
        }
        return s;
    }

    /** All pairs in file order. */
    public List<Pair> pairs() {
        return pairs;
    }

    /** Number of folds. */
    public int folds() {
        return folds;
    }

    /** Matched (and mismatched) pairs per fold. */
    public int perClass() {
        return perClass;
    }

    /** The pairs of fold {@code f} (0-based). */
    public List<Pair> fold(int f) {
        if (f < 0 || f >= folds) {
            throw new IllegalArgumentException("Invalid fold " + f + ": this list has folds 0.." + (folds - 1));
        }
        return pairs.subList(f * 2 * perClass, (f + 1) * 2 * perClass);
    }

    /** The distinct image keys the pairs use, in order of first use. */
    public List<String> imageKeys() {
        Set<String> k = new LinkedHashSet<>();
        for (Pair p : pairs) {
            k.add(p.keyA());
            k.add(p.keyB());
        }
        return List.copyOf(k);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%d pairs in %d fold(s)", pairs.size(), folds);
    }
}
