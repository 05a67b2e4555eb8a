package org.tl4j.experiments.table4;

import org.apache.commons.rng.UniformRandomProvider;
import org.tl4j.core.learn.Seeds;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The identity classification both sides of Table 4 learn: every LFW person is a class (5,749 — softmax over the LFW
 * identities, as the white paper's traditional run trains), and every person with at least two images gives one
 * image, chosen with a seed, to the test set (1,680 images); all other images train (11,553). Immutable.
 *
 * @param people the classes, sorted by name (class {@code i} is {@code people.get(i)})
 * @param train  training images
 * @param test   test images
 */
public record IdentitySplit(List<String> people, List<Example> train, List<Example> test) {

    /**
     * An image and its class.
     *
     * @param key   the LFW key ({@code Name/Name_0001.jpg})
     * @param label the class index
     */
    public record Example(String key, int label) {
    }

    /** Copies the lists. */
    public IdentitySplit {
        people = List.copyOf(people);
        train = List.copyOf(train);
        test = List.copyOf(test);
    }

    /**
     * The split of {@code imagesByPerson} (people sorted by name, each person's keys sorted).
     *
     * @throws IllegalArgumentException if fewer than two people or no test image result
     */
    public static IdentitySplit of(Map<String, List<String>> imagesByPerson, long seed) {
        List<String> people = new ArrayList<>(imagesByPerson.keySet());
        Collections.sort(people);
        List<Example> train = new ArrayList<>();
        List<Example> test = new ArrayList<>();
        for (int c = 0; c < people.size(); c++) {
            List<String> keys = new ArrayList<>(imagesByPerson.get(people.get(c)));
            Collections.sort(keys);
            int held = -1;
            if (keys.size() >= 2) {
                UniformRandomProvider rng = Seeds.rng(Seeds.derive(seed, "table4-test:" + people.get(c)));
                held = rng.nextInt(keys.size());
            }
            for (int i = 0; i < keys.size(); i++) {
                (i == held ? test : train).add(new Example(keys.get(i), c));
            }
        }
        if (people.size() < 2 || test.isEmpty()) {
            throw new IllegalArgumentException("Table 4 needs two or more people and someone with two or more images; "
                    + "found " + people.size() + " people and " + test.size() + " test images");
        }
        return new IdentitySplit(people, train, test);
    }

    /**
     * The people with at least {@code minImages} images (training and test together), relabelled {@code 0..K-1} in
     * name order, with the same training and test images as here: the classes the transfer side's classifier is
     * scored on (as FaceNet's {@code classifier.py} keeps the people with enough images), a subset of this split so
     * that both sides are scored on the same test images.
     *
     * @throws IllegalArgumentException if {@code minImages < 2} or fewer than two people have that many images
     */
    public IdentitySplit restrict(int minImages) {
        if (minImages < 2) {
            throw new IllegalArgumentException("Invalid minimum of images per person: " + minImages
                    + " (must be >= 2, so that each person kept has a test image)");
        }
        int[] count = new int[people.size()];
        train.forEach(e -> count[e.label()]++);
        test.forEach(e -> count[e.label()]++);
        int[] relabel = new int[people.size()];
        List<String> kept = new ArrayList<>();
        for (int c = 0; c < people.size(); c++) {
            relabel[c] = count[c] >= minImages ? kept.size() : -1;
            if (relabel[c] >= 0) {
                kept.add(people.get(c));
            }
        }
        if (kept.size() < 2) {
            throw new IllegalArgumentException(kept.size() + " people have " + minImages + " or more images; a "
                    + "classifier needs two or more: lower the minimum of images per person");
        }
        return new IdentitySplit(kept, relabelled(train, relabel), relabelled(test, relabel));
    }

    private static List<Example> relabelled(List<Example> examples, int[] relabel) {
        List<Example> out = new ArrayList<>();
        for (Example e : examples) {
            if (relabel[e.label()] >= 0) {
                out.add(new Example(e.key(), relabel[e.label()]));
            }
        }
        return out;
    }

    /** Number of classes. */
    public int classes() {
        return people.size();
    }

    /** A one-line description. */
    public String describe() {
        return people.size() + " identities (classes); " + train.size() + " training images; " + test.size()
                + " test images (one per person with two or more images)";
    }
}
