package org.tl4j.experiments.lfw;

import org.tl4j.backbone.BuiltInModels;
import org.tl4j.backbone.EmbeddingSpec;
import org.tl4j.backbone.OnnxGraphs;
import org.tl4j.backbone.PretrainedSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Turns {@code --model} values into {@link PretrainedSource}s: a built-in name ({@code mobilefacenet-512d}), a
 * built-in spec with the user's file ({@code facenet-irv1=/path/model.onnx}), a file named after a built-in
 * ({@code /path/facenet-irv1.onnx}) or with a built-in's checksum, {@code random:<model>} (the same network with
 * seeded random weights) and {@code pixels} (no source).
 */
public final class SourceArguments {
    private SourceArguments() {
    }

    /**
     * Resolves one value.
     *
     * @param arg          the value
     * @param modelsFolder where built-in models lie ({@code <shared>/models/face})
     * @param overrides    spec overrides for user files ({@code --spec KEY=VALUE})
     * @param seed         seed of random re-initialisation
     * @param pixelFraming the spec whose crop and alignment the {@code pixels} control copies
     * @throws IllegalArgumentException naming the value and the accepted forms
     */
    public static PretrainedSource resolve(String arg, Path modelsFolder, Map<String, String> overrides, long seed,
                                           EmbeddingSpec pixelFraming) throws IOException {
        String a = arg.trim();
        if (a.equalsIgnoreCase("pixels")) {
            return PretrainedSource.pixels(pixelFraming, 32);
        }
        if (a.toLowerCase(Locale.ROOT).startsWith("random:")) {
            PretrainedSource base = resolve(a.substring("random:".length()), modelsFolder, overrides, seed, pixelFraming);
            return base.randomlyInitialised(seed);
        }
        int eq = a.indexOf('=');
        if (eq > 0) {
            String name = a.substring(0, eq);
            Path file = Path.of(a.substring(eq + 1));
            BuiltInModels.Entry e = BuiltInModels.get(name);
            return PretrainedSource.file(file, BuiltInModels.override(e.spec(), overrides), e.trainedOn());
        }
        if (BuiltInModels.contains(a)) {
            BuiltInModels.Entry e = BuiltInModels.get(a);
            return PretrainedSource.file(BuiltInModels.file(a, modelsFolder), BuiltInModels.override(e.spec(), overrides),
                    e.trainedOn());
        }
        Path file = Path.of(a);
        if (Files.isRegularFile(file)) {
            String stem = file.getFileName().toString().replaceFirst("\\.onnx$", "");
            if (BuiltInModels.contains(stem)) {
                BuiltInModels.Entry e = BuiltInModels.get(stem);
                return PretrainedSource.file(file, BuiltInModels.override(e.spec(), overrides), e.trainedOn());
            }
            String sha = OnnxGraphs.sha256(file);
            for (String name : BuiltInModels.names()) {
                Path known = modelsFolder.resolve(BuiltInModels.get(name).fileName());
                if (Files.isRegularFile(known) && OnnxGraphs.sha256(known).equals(sha)) {
                    return PretrainedSource.file(file, BuiltInModels.get(name).spec(), BuiltInModels.get(name).trainedOn());
                }
            }
            throw new IllegalArgumentException("Model file " + file + " is not a known model: pass NAME=" + file
                    + " with the built-in spec it follows (one of " + BuiltInModels.names() + "), adjusting names or "
                    + "shapes with --spec KEY=VALUE");
        }
        throw new IllegalArgumentException("Unknown model '" + arg + "': use a built-in name " + BuiltInModels.names()
                + ", NAME=FILE, an .onnx file, random:<model> or pixels");
    }
}
