package org.tl4j.relational.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The ground atoms of one file in the BoostSRL/srlearn format (one atom per line, see {@link AtomParser}), in file
 * order with repeated atoms kept once. What was not kept is counted, never dropped silently: {@link #duplicates()}
 * repeated atoms and {@link #ignoredLines()} blank or comment lines. The SHA-256 of the bytes identifies the file
 * in provenance.
 *
 * @param name         a name for messages and provenance (the path as given)
 * @param atoms        distinct atoms in order of first appearance
 * @param lines        the 1-based line of each atom's first appearance, aligned with {@code atoms}
 * @param duplicates   the number of lines repeating an earlier atom
 * @param ignoredLines the number of blank and comment lines
 * @param sha256       the hex SHA-256 of the file's bytes
 */
public record AtomFile(String name, List<GroundAtom> atoms, List<Integer> lines, int duplicates, int ignoredLines,
                       String sha256) {

    /** Copies the lists. */
    public AtomFile {
        atoms = List.copyOf(atoms);
        lines = List.copyOf(lines);
        if (atoms.size() != lines.size()) {
            throw new IllegalArgumentException("one line number per atom expected: " + atoms.size() + " atoms, "
                    + lines.size() + " lines");
        }
    }

    /**
     * Reads a file.
     *
     * @throws UncheckedIOException      if the file cannot be read (the message names it)
     * @throws RelationalFormatException for a malformed line
     */
    public static AtomFile read(Path path) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            throw new UncheckedIOException("Relational data file not found: " + path, e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read relational data file " + path + ": " + e.getMessage(), e);
        }
        try (BufferedReader r = new BufferedReader(new java.io.StringReader(new String(bytes,
                StandardCharsets.UTF_8)))) {
            return parse(path.toString(), r, sha256(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses text already in memory (tests, generated data); the digest is that of its UTF-8 bytes. */
    public static AtomFile parse(String name, String text) {
        try (BufferedReader r = new BufferedReader(new java.io.StringReader(text))) {
            return parse(name, r, sha256(text.getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static AtomFile parse(String name, BufferedReader reader, String digest) throws IOException {
        List<GroundAtom> atoms = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        Set<GroundAtom> seen = new HashSet<>();
        Map<String, int[]> arity = new LinkedHashMap<>(); // predicate -> {arity, first line}
        int duplicates = 0;
        int ignored = 0;
        int lineNumber = 0;
        String line;
        while ((line = reader.readLine()) != null) {
            lineNumber++;
            if (lineNumber == 1 && !line.isEmpty() && line.charAt(0) == '\uFEFF') {
                line = line.substring(1);
            }
            var atom = AtomParser.parse(line, name, lineNumber);
            if (atom.isEmpty()) {
                ignored++;
                continue;
            }
            GroundAtom a = atom.get();
            int[] known = arity.putIfAbsent(a.predicate(), new int[] {a.arity(), lineNumber});
            if (known != null && known[0] != a.arity()) {
                throw new RelationalFormatException(name, lineNumber, "predicate '" + a.predicate() + "' has "
                        + a.arity() + " arguments here but " + known[0] + " on line " + known[1]
                        + "; a predicate has one arity");
            }
            if (seen.add(a)) {
                atoms.add(a);
                lines.add(lineNumber);
            } else {
                duplicates++;
            }
        }
        return new AtomFile(name, atoms, lines, duplicates, ignored, digest);
    }

    /** The hex SHA-256 of some bytes. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    /** A one-line summary for provenance: name, atoms, duplicates, ignored lines, digest prefix. */
    public String summary() {
        return name + " [" + atoms.size() + " atoms, " + duplicates + " duplicate lines, " + ignoredLines
                + " blank/comment lines, sha256 " + sha256.substring(0, 16) + "]";
    }
}
