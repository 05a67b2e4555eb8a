package org.tl4j.backbone;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The YuNet face detector (W. Wu, H. Peng, S. Yu, <i>YuNet: A Tiny Millisecond-level Face Detector</i>, Machine
 * Intelligence Research 20, 2023) on ONNX Runtime: face boxes with five landmarks (eye centres, nose tip, mouth
 * corners) for alignment.
 * <p>
 * The {@code 2023mar} model is anchor-free with one prediction per cell of three feature maps (strides 8, 16, 32).
 * For stride {@code s} and the cell in row {@code r}, column {@code c} (index {@code r·(W/s) + c}) its outputs are
 * {@code cls_s} and {@code obj_s} (one value each; the score is {@code √(clamp(cls)·clamp(obj))} with clamping to
 * [0, 1]), {@code bbox_s} (four values {@code dx, dy, dw, dh}: centre {@code ((c + dx)·s, (r + dy)·s)}, size
 * {@code (e^dw·s, e^dh·s)}) and {@code kps_s} (ten values: landmark {@code k} at
 * {@code ((c + kps[2k])·s, (r + kps[2k+1])·s)}). Candidates above the score threshold are reduced by greedy
 * non-maximum suppression at an intersection-over-union threshold. The input is the image in BGR order with raw
 * 0..255 values, padded with zeros at the right and bottom to multiples of 32; the file declares a fixed
 * 640×640 input, so its graph is re-declared for each padded size (its reshapes use −1 and its upsampling uses
 * scales, so the network is size-agnostic). Images whose longer side exceeds {@value #MAX_SIDE} pixels are first
 * reduced to that size. Landmarks are ordered as in {@link FaceTemplate}: the eye on the image's left first.
 * <p>
 * Thread-safe; must be closed.
 */
public final class YuNetDetector implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(YuNetDetector.class.getName());

    /** Longest image side the detector runs on; larger images are reduced first. */
    public static final int MAX_SIDE = 640;
    /** Default minimum score. */
    public static final double DEFAULT_SCORE = 0.6;
    /** Default non-maximum-suppression IoU threshold. */
    public static final double DEFAULT_NMS = 0.3;

    private static final int[] STRIDES = {8, 16, 32};

    /**
     * A detected face.
     *
     * @param x         left edge of the box
     * @param y         top edge
     * @param width     box width
     * @param height    box height
     * @param score     detection score in [0, 1]
     * @param landmarks {@code x0, y0, …, x4, y4}: eye centres, nose tip, mouth corners (image-left first)
     */
    public record Face(double x, double y, double width, double height, double score, double[] landmarks) {
        /** Whether the box contains point {@code (px, py)}. */
        public boolean contains(double px, double py) {
            return px >= x && px <= x + width && py >= y && py <= y + height;
        }

        /** The box's area. */
        public double area() {
            return width * height;
        }
    }

    private final OrtEnvironment env;
    private final byte[] model;
    private final String sha256;
    private final BackboneOptions options;
    private final double scoreThreshold;
    private final double nmsThreshold;
    /** One session per padded input size (at most (640/32)² of them; LFW needs one). */
    private final Map<Long, OrtSession> sessions = new HashMap<>();

    private YuNetDetector(byte[] model, BackboneOptions options, double scoreThreshold, double nmsThreshold) {
        this.env = OrtEnvironment.getEnvironment();
        this.model = model;
        this.sha256 = OnnxGraphs.sha256(model);
        this.options = options;
        this.scoreThreshold = scoreThreshold;
        this.nmsThreshold = nmsThreshold;
    }

    /**
     * Opens the detector.
     *
     * @param file           {@code yunet-2023mar.onnx}
     * @param options        ONNX Runtime settings
     * @param scoreThreshold minimum score in (0, 1)
     * @param nmsThreshold   IoU above which the weaker of two boxes is dropped, in (0, 1]
     * @throws IllegalArgumentException if the file is not a YuNet 2023mar model or a threshold is out of range
     */
    public static YuNetDetector open(Path file, BackboneOptions options, double scoreThreshold, double nmsThreshold)
            throws IOException {
        if (!(scoreThreshold > 0 && scoreThreshold < 1)) {
            throw new IllegalArgumentException("Invalid detection score threshold: " + scoreThreshold
                    + " (must be in (0, 1))");
        }
        if (!(nmsThreshold > 0 && nmsThreshold <= 1)) {
            throw new IllegalArgumentException("Invalid NMS threshold: " + nmsThreshold + " (must be in (0, 1])");
        }
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("Face detector model not found: " + file.toAbsolutePath().normalize()
                    + " (alignment needs yunet-2023mar.onnx from the shared models/face folder)");
        }
        YuNetDetector d = new YuNetDetector(Files.readAllBytes(file), options, scoreThreshold, nmsThreshold);
        try {
            OrtSession s = d.session(32, 32);
            Set<String> want = new TreeSet<>();
            for (int st : STRIDES) {
                for (String p : new String[]{"cls_", "obj_", "bbox_", "kps_"}) {
                    want.add(p + st);
                }
            }
            if (!s.getOutputNames().containsAll(want) || s.getInputNames().size() != 1) {
                throw new IllegalArgumentException("'" + file.getFileName() + "' is not a YuNet 2023mar detector: "
                        + "expected one input and outputs " + want + ", found inputs " + s.getInputNames()
                        + " and outputs " + s.getOutputNames());
            }
        } catch (OrtException | RuntimeException e) {
            d.close();
            if (e instanceof IllegalArgumentException iae) {
                throw iae;
            }
            throw new IllegalArgumentException("ONNX Runtime cannot load the detector '" + file.getFileName() + "': "
                    + e.getMessage(), e);
        }
        return d;
    }

    /** The SHA-256 of the detector model. */
    public String sha256() {
        return sha256;
    }

    /** A text naming the detector and its thresholds, for cache keys and provenance. */
    public String key() {
        return String.format(Locale.ROOT, "yunet-2023mar sha256=%s score>=%.3f nms=%.3f", sha256, scoreThreshold,
                nmsThreshold);
    }

    private synchronized OrtSession session(int h, int w) throws OrtException {
        long k = ((long) h << 32) | w;
        OrtSession s = sessions.get(k);
        if (s == null) {
            s = env.createSession(OnnxGraphs.withInputSize(model, h, w), OnnxBackbone.sessionOptions(options));
            sessions.put(k, s);
        }
        return s;
    }

    /**
     * Detects faces, strongest first.
     *
     * @param image the image; not modified
     * @return faces in the image's pixel coordinates
     */
    public List<Face> detect(DecodedImage image) {
        double scale = 1;
        DecodedImage img = image;
        int longest = Math.max(image.width(), image.height());
        if (longest > MAX_SIDE) {
            scale = (double) longest / MAX_SIDE;
            img = resized(image, scale);
        }
        int w = img.width();
        int h = img.height();
        int pw = (w + 31) / 32 * 32;
        int ph = (h + 31) / 32 * 32;
        float[] x = new float[3 * pw * ph];
        int plane = pw * ph;
        byte[] px = img.data();
        for (int yy = 0; yy < h; yy++) {
            for (int xx = 0, p = yy * pw, i = yy * w; xx < w; xx++, p++, i++) {
                if (img.gray()) {
                    float g = px[i] & 0xff;
                    x[p] = g;
                    x[plane + p] = g;
                    x[2 * plane + p] = g;
                } else {
                    x[p] = px[3 * i + 2] & 0xff;
                    x[plane + p] = px[3 * i + 1] & 0xff;
                    x[2 * plane + p] = px[3 * i] & 0xff;
                }
            }
        }
        Map<String, float[]> outputs = new HashMap<>();
        try {
            OrtSession s = session(ph, pw);
            try (OnnxTensor t = OnnxTensor.createTensor(env, FloatBuffer.wrap(x), new long[]{1, 3, ph, pw});
                 OrtSession.Result r = s.run(Map.of(s.getInputNames().iterator().next(), t))) {
                for (int stride : STRIDES) {
                    for (String p : new String[]{"cls_", "obj_", "bbox_", "kps_"}) {
                        outputs.put(p + stride, values(r, p + stride));
                    }
                }
            }
        } catch (OrtException e) {
            throw new IllegalStateException("YuNet failed on a " + w + "x" + h + " image: " + e.getMessage(), e);
        }
        return nms(decode(outputs, pw, ph, scoreThreshold, scale), nmsThreshold);
    }

    /**
     * Decodes YuNet's raw outputs (see the class documentation) into candidate faces above {@code scoreThreshold},
     * in the coordinates of the padded input multiplied by {@code scale}.
     *
     * @param outputs {@code cls_8 … kps_32} as flat arrays
     * @param pw      padded input width
     * @param ph      padded input height
     */
    static List<Face> decode(Map<String, float[]> outputs, int pw, int ph, double scoreThreshold, double scale) {
        List<Face> candidates = new ArrayList<>();
        for (int stride : STRIDES) {
            float[] cls = outputs.get("cls_" + stride);
            float[] obj = outputs.get("obj_" + stride);
            float[] box = outputs.get("bbox_" + stride);
            float[] kps = outputs.get("kps_" + stride);
            int cols = pw / stride;
            int cells = cols * (ph / stride);
            if (cls == null || obj == null || box == null || kps == null || cls.length != cells || obj.length != cells
                    || box.length != 4 * cells || kps.length != 10 * cells) {
                throw new IllegalStateException("YuNet outputs for stride " + stride + " are missing or do not match "
                        + "a " + pw + "x" + ph + " input (" + cells + " cells)");
            }
            for (int i = 0; i < cells; i++) {
                double score = Math.sqrt(clamp(cls[i]) * clamp(obj[i]));
                if (score < scoreThreshold) {
                    continue;
                }
                int row = i / cols;
                int col = i % cols;
                double cx = (col + box[4 * i]) * stride;
                double cy = (row + box[4 * i + 1]) * stride;
                double bw = Math.exp(box[4 * i + 2]) * stride;
                double bh = Math.exp(box[4 * i + 3]) * stride;
                double[] lm = new double[10];
                for (int k = 0; k < 5; k++) {
                    lm[2 * k] = (col + kps[10 * i + 2 * k]) * stride * scale;
                    lm[2 * k + 1] = (row + kps[10 * i + 2 * k + 1]) * stride * scale;
                }
                candidates.add(new Face((cx - bw / 2) * scale, (cy - bh / 2) * scale, bw * scale, bh * scale, score,
                        lm));
            }
        }
        return candidates;
    }

    private static float[] values(OrtSession.Result r, String name) {
        OnnxTensor t = (OnnxTensor) r.get(name).orElseThrow(() -> new IllegalStateException("YuNet output '" + name
                + "' is missing"));
        FloatBuffer fb = t.getFloatBuffer();
        float[] out = new float[fb.remaining()];
        fb.get(out);
        return out;
    }

    private static double clamp(float v) {
        return Math.min(1, Math.max(0, v));
    }

    /** Greedy non-maximum suppression: strongest first, dropping boxes overlapping a kept one by more than {@code iou}. */
    static List<Face> nms(List<Face> faces, double iou) {
        List<Face> sorted = new ArrayList<>(faces);
        sorted.sort(Comparator.comparingDouble(Face::score).reversed());
        List<Face> kept = new ArrayList<>();
        for (Face f : sorted) {
            boolean keep = true;
            for (Face k : kept) {
                if (iou(f, k) > iou) {
                    keep = false;
                    break;
                }
            }
            if (keep) {
                kept.add(f);
            }
        }
        return kept;
    }

    static double iou(Face a, Face b) {
        double ix = Math.max(0, Math.min(a.x() + a.width(), b.x() + b.width()) - Math.max(a.x(), b.x()));
        double iy = Math.max(0, Math.min(a.y() + a.height(), b.y() + b.height()) - Math.max(a.y(), b.y()));
        double inter = ix * iy;
        double union = a.area() + b.area() - inter;
        return union <= 0 ? 0 : inter / union;
    }

    private static DecodedImage resized(DecodedImage src, double scale) {
        int w = Math.max(1, (int) Math.round(src.width() / scale));
        int h = Math.max(1, (int) Math.round(src.height() / scale));
        EmbeddingSpec raw = EmbeddingSpec.builder("resize").size(w, h).normalisation(PixelNormalisation.RAW)
                .embeddingDim(1).build();
        float[] planes = new float[3 * w * h];
        ImageWarp.warpInto(src, ImageWarp.cropMap(0, 0, src.width(), src.height(), w, h), raw, planes, 0);
        byte[] rgb = new byte[3 * w * h];
        int plane = w * h;
        for (int p = 0; p < plane; p++) {
            for (int c = 0; c < 3; c++) {
                rgb[3 * p + c] = (byte) Math.max(0, Math.min(255, Math.round(planes[c * plane + p])));
            }
        }
        return new DecodedImage(w, h, 3, rgb);
    }

    @Override
    public synchronized void close() {
        for (OrtSession s : sessions.values()) {
            closeQuietly(s);
        }
        sessions.clear();
    }

    private static void closeQuietly(OrtSession s) {
        try {
            s.close();
        } catch (OrtException e) {
            LOG.log(Level.FINE, "closing a YuNet session failed", e);
        }
    }
}
