package org.tl4j.datasets.lfw;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * LFW's people lists: {@code people.txt} (View 2: a header with the number of sets, then for each set a line with
 * its number of people followed by that many {@code name count} lines) and {@code peopleDevTrain.txt} /
 * {@code peopleDevTest.txt} (View 1: a header with the number of people, then {@code name count} lines). Each
 * malformed line fails with its line number; {@link #check(LfwDataset, String)} verifies the counts against the
 * images. Immutable.
 */
public final class LfwPeople {

    /**
     * One listed person.
     *
     * @param set    0-based set (fold) of View 2; 0 for View 1 lists
     * @param name   the person
     * @param images the number of images listed
     * @param line   the 1-based line
     */
    public record Person(int set, String name, int images, int line) {
    }

    private final List<Person> people;
    private final int sets;

    private LfwPeople(List<Person> people, int sets) {
        this.people = Collections.unmodifiableList(people);
        this.sets = sets;
    }

    /** Reads a people list. */
    public static LfwPeople read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("LFW people list not found: " + file.toAbsolutePath().normalize());
        }
        return parse(file.getFileName().toString(), Files.readAllLines(file, StandardCharsets.UTF_8));
    }

    /**
     * Parses a people list, telling View 1 from View 2 by the line after the header (a count, or a person).
     *
     * @throws LfwFormatException naming the line of the first problem
     */
    public static LfwPeople parse(String fileName, List<String> lines) {
        List<String> l = new ArrayList<>(lines);
        while (!l.isEmpty() && l.get(l.size() - 1).isBlank()) {
            l.remove(l.size() - 1);
        }
        if (l.isEmpty()) {
            throw new LfwFormatException(fileName, 1, "the file is empty; expected a header count");
        }
        int header = count(l.get(0), fileName, 1, "header count");
        boolean view2 = l.size() > 1 && fields(l.get(1)).length == 1;
        List<Person> out = new ArrayList<>();
        int i = 1;
        int sets = view2 ? header : 1;
        for (int s = 0; s < sets; s++) {
            int n = header;
            if (view2) {
                if (i >= l.size()) {
                    throw new LfwFormatException(fileName, i + 1, "the file ends early: set " + (s + 1) + " of "
                            + sets + " is missing");
                }
                n = count(l.get(i), fileName, i + 1, "number of people in set " + (s + 1));
                i++;
            }
            for (int k = 0; k < n; k++, i++) {
                if (i >= l.size()) {
                    throw new LfwFormatException(fileName, i + 1, "the file ends early: set " + (s + 1) + " lists "
                            + k + " of " + n + " people");
                }
                String[] t = fields(l.get(i));
                if (t.length != 2) {
                    throw new LfwFormatException(fileName, i + 1, "expected 'name count', found " + t.length
                            + " fields: '" + l.get(i).strip() + "'");
                }
                out.add(new Person(s, t[0], count(t[1], fileName, i + 1, "image count"), i + 1));
            }
        }
        if (i < l.size()) {
            throw new LfwFormatException(fileName, i + 1, "unexpected line after the " + out.size()
                    + " people the counts promise: '" + l.get(i).strip() + "'");
        }
        return new LfwPeople(out, sets);
    }

    private static String[] fields(String line) {
        String s = line.strip();
        return s.isEmpty() ? new String[0] : s.split("[\\t ]+");
    }

    private static int count(String s, String file, int line, String what) {
        String t = s.strip();
        try {
            int v = Integer.parseInt(t);
            if (v > 0) {
                return v;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new LfwFormatException(file, line, "invalid " + what + " '" + t + "': expected a positive integer");
    }

    /**
     * Checks every listed person's image count against the data set.
     *
     * @throws LfwFormatException naming the first line that disagrees
     */
    public void check(LfwDataset data, String fileName) {
        for (Person p : people) {
            List<String> imgs = data.imagesByPerson().get(p.name());
            int found = imgs == null ? 0 : imgs.size();
            if (found != p.images()) {
                throw new LfwFormatException(fileName, p.line(), p.name() + " is listed with " + p.images()
                        + " images but " + data.path().getFileName() + " holds " + found);
            }
        }
    }

    /** The listed people in file order. */
    public List<Person> people() {
        return people;
    }

    /** Number of sets (10 for View 2, 1 for View 1 lists). */
    public int sets() {
        return sets;
    }
}
