package org.tl4j.relational.problem;

import org.tl4j.relational.data.GroundAtom;
import org.tl4j.relational.data.ModeDeclaration;
import org.tl4j.relational.data.RelationalDataset;
import org.tl4j.relational.data.Schema;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where the types of a data set's predicates come from: the mode declarations TreeBoostler used for the standard
 * data sets (bundled as resources), or inference from shared constants.
 */
public final class DomainSchemas {
    /** The two sources of types. */
    public enum Types {
        /** TreeBoostler's mode declarations (types and +/- patterns). */
        MODES,
        /** Inferred from constants shared by argument positions, no modes. */
        INFERRED
    }

    private DomainSchemas() {
    }

    /** The bundled mode declarations of a standard data set (imdb, uwcse, cora, yeast, twitter), if any. */
    public static Optional<Schema> bundledModes(String dataset) {
        String resource = "/org/tl4j/relational/modes/" + dataset + ".modes";
        try (InputStream in = DomainSchemas.class.getResourceAsStream(resource)) {
            if (in == null) {
                return Optional.empty();
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            List<ModeDeclaration> modes = ModeDeclaration.parseAll(text, resource);
            return Optional.of(Schema.fromModes(modes));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
    }

    /**
     * The schema of a data set: its bundled modes, or types inferred from the given atoms.
     *
     * @param dataset  the data set name
     * @param types    where types come from
     * @param evidence the atoms to infer from: facts and positive examples, never negatives (generated negatives may
     *                 pair constants of unrelated kinds)
     * @throws IllegalArgumentException if modes are asked for a data set without bundled modes
     */
    public static Schema schema(String dataset, Types types, List<GroundAtom> evidence) {
        if (types == Types.MODES) {
            return bundledModes(dataset).orElseThrow(() -> new IllegalArgumentException("No bundled modes for data"
                    + " set '" + dataset + "': use inferred types or give modes"));
        }
        return Schema.infer(evidence);
    }

    /** The facts and positive examples of worlds, for {@link #schema}. */
    public static List<GroundAtom> factsAndPositives(List<RelationalDataset> worlds) {
        List<GroundAtom> atoms = new ArrayList<>();
        for (RelationalDataset d : worlds) {
            atoms.addAll(d.facts());
            atoms.addAll(d.positives());
        }
        return atoms;
    }
}
