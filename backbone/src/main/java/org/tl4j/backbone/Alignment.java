package org.tl4j.backbone;

import java.io.Serializable;
import java.util.Locale;
import java.util.Objects;

/**
 * How a detected face is cut out for a model when alignment is on: either the similarity transform onto a
 * landmark {@link FaceTemplate} (InsightFace, dlib), or the detector's box enlarged by a margin and resized
 * (FaceNet's MTCNN crops).
 */
public sealed interface Alignment extends Serializable permits Alignment.Similarity, Alignment.BoxWithMargin {

    /** A stable text for cache keys and provenance. */
    String key();

    /**
     * Warp with the least-squares similarity transform that maps the five detected landmarks onto {@code template}.
     *
     * @param template the landmark positions in the model's input image
     */
    record Similarity(FaceTemplate template) implements Alignment {
        /** Validates the template. */
        public Similarity {
            Objects.requireNonNull(template, "template");
        }

        @Override
        public String key() {
            return "similarity:" + template;
        }
    }

    /**
     * Crop the detector's box enlarged by {@code margin} of its size on every side, then resize to the input size
     * (D. Sandberg's FaceNet enlarges MTCNN boxes by 32 pixels in all, 16 per side, on LFW's 250-pixel images, where
     * face boxes are about 100 pixels wide, i.e. {@code margin ≈ 0.15}).
     *
     * @param margin the margin on each side as a fraction of the box's width or height (non-negative)
     */
    record BoxWithMargin(double margin) implements Alignment {
        /** Validates the margin. */
        public BoxWithMargin {
            if (!(margin >= 0) || !Double.isFinite(margin)) {
                throw new IllegalArgumentException("Invalid box margin: " + margin + " (must be finite and >= 0)");
            }
        }

        @Override
        public String key() {
            return String.format(Locale.ROOT, "box-margin:%.4f", margin);
        }
    }
}
