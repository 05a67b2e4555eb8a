package org.tl4j.backbone;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Turns an encoded image into one image of a backbone's input tensor: decode ({@link ImageDecoder}), cut out the
 * face, resize ({@link ImageWarp}: bilinear, box-prefiltered when shrinking by two or more) and normalise.
 * <p>
 * Without a detector the face is the spec's {@link EmbeddingSpec#crop() crop}. With a {@link YuNetDetector} the
 * face is aligned by the spec's {@link Alignment}: a similarity transform of the five landmarks onto the model's
 * {@link FaceTemplate}, or the detector's box with a margin. Which detected face: the strongest one whose box
 * covers the image centre (datasets framed around one person, such as LFW, centre the labelled face) or simply the
 * largest ({@link FaceChoice}). When no face qualifies the image falls back to the unaligned crop and the outcome
 * says so, so callers can count fallbacks. Thread-safe.
 */
public final class Preprocessor {

    /** Which of several detected faces to align. */
    public enum FaceChoice {
        /** The strongest face whose box covers the image centre; none if no box covers it. */
        COVERING_CENTRE,
        /** The face with the largest box. */
        LARGEST
    }

    /** What happened to one image. */
    public enum Outcome {
        /** Cut out with the spec's fixed crop (no detector). */
        CROPPED,
        /** Aligned on a detected face. */
        ALIGNED,
        /** A detector was on but found no face to align: the fixed crop was used. */
        NO_FACE_CROPPED
    }

    private final EmbeddingSpec spec;
    private final YuNetDetector detector;
    private final FaceChoice choice;

    private Preprocessor(EmbeddingSpec spec, YuNetDetector detector, FaceChoice choice) {
        this.spec = Objects.requireNonNull(spec, "spec");
        this.detector = detector;
        this.choice = choice;
    }

    /** Fixed crop, no alignment. */
    public static Preprocessor cropping(EmbeddingSpec spec) {
        return new Preprocessor(spec, null, FaceChoice.COVERING_CENTRE);
    }

    /**
     * Alignment with {@code detector} (not closed by the preprocessor).
     */
    public static Preprocessor aligning(EmbeddingSpec spec, YuNetDetector detector, FaceChoice choice) {
        return new Preprocessor(spec, Objects.requireNonNull(detector, "detector"), Objects.requireNonNull(choice));
    }

    /** The spec images are prepared for. */
    public EmbeddingSpec spec() {
        return spec;
    }

    /** Whether a detector aligns faces. */
    public boolean aligns() {
        return detector != null;
    }

    /**
     * A text identifying every setting that changes the tensor, for cache keys and provenance. It names the decoder's
     * rule for damaged files too ({@code damaged=rejected}, see {@link ImageDecoder}): caches written while truncated
     * JPEGs were still decoded (their grey filler embedded) are not reused.
     */
    public String key() {
        String crop = "decode=imageio,damaged=rejected;resample=bilinear,box-prefilter>=2;border=0;fixed="
                + spec.crop();
        if (detector == null) {
            return crop;
        }
        return crop + ";detector=" + detector.key() + ";choice=" + choice.name().toLowerCase(Locale.ROOT)
                + ";alignment=" + spec.alignment().key();
    }

    /**
     * Prepares one image.
     *
     * @param encoded the JPEG or PNG bytes
     * @param what    names the image in errors
     * @param dst     the batch tensor; {@code spec().imageSize()} floats from {@code offset} are written
     * @param offset  where this image starts
     * @return what was done
     * @throws IOException if the image cannot be decoded
     */
    public Outcome prepare(byte[] encoded, String what, float[] dst, int offset) throws IOException {
        DecodedImage img = ImageDecoder.decode(encoded, what);
        return prepare(img, dst, offset);
    }

    /** Prepares a decoded image; see {@link #prepare(byte[], String, float[], int)}. */
    public Outcome prepare(DecodedImage img, float[] dst, int offset) {
        return prepare(img, detector == null ? List.of() : detector.detect(img), dst, offset);
    }

    /**
     * Prepares a decoded image whose faces were already detected (by this preprocessor's detector; ignored
     * without one): aligns the chosen face, or cuts the fixed crop.
     */
    public Outcome prepare(DecodedImage img, List<YuNetDetector.Face> faces, float[] dst, int offset) {
        if (detector != null) {
            YuNetDetector.Face face = choose(faces, img);
            if (face != null) {
                ImageWarp.warpInto(img, alignedMap(face), spec, dst, offset);
                return Outcome.ALIGNED;
            }
        }
        ImageWarp.warpInto(img, fixedCropMap(img), spec, dst, offset);
        return detector == null ? Outcome.CROPPED : Outcome.NO_FACE_CROPPED;
    }

    /** The map of the spec's fixed crop on {@code img}. */
    double[] fixedCropMap(DecodedImage img) {
        RelativeCrop c = spec.crop();
        return ImageWarp.cropMap(c.x() * img.width(), c.y() * img.height(), c.width() * img.width(),
                c.height() * img.height(), spec.width(), spec.height());
    }

    /** The map (output pixel to source point) aligning {@code face} for the spec. */
    double[] alignedMap(YuNetDetector.Face face) {
        if (spec.alignment() instanceof Alignment.Similarity s) {
            FaceTemplate t = s.template().resizedTo(spec.width(), spec.height());
            // Least squares in template coordinates (as InsightFace estimates it); warping needs the inverse map.
            return SimilarityTransform.estimate(face.landmarks(), t.points()).inverse().matrix();
        }
        double m = ((Alignment.BoxWithMargin) spec.alignment()).margin();
        return ImageWarp.cropMap(face.x() - m * face.width(), face.y() - m * face.height(),
                face.width() * (1 + 2 * m), face.height() * (1 + 2 * m), spec.width(), spec.height());
    }

    private YuNetDetector.Face choose(List<YuNetDetector.Face> faces, DecodedImage img) {
        YuNetDetector.Face best = null;
        double cx = (img.width() - 1) / 2.0;
        double cy = (img.height() - 1) / 2.0;
        for (YuNetDetector.Face f : faces) {
            if (choice == FaceChoice.COVERING_CENTRE) {
                if (f.contains(cx, cy) && (best == null || f.score() > best.score())) {
                    best = f;
                }
            } else if (best == null || f.area() > best.area()) {
                best = f;
            }
        }
        return best;
    }
}
