package org.tl4j.backbone;

/**
 * Resampling of a {@link DecodedImage} into a model's input tensor through an affine map, with normalisation, channel
 * order and layout applied on the way.
 * <p>
 * Conventions (those of OpenCV's {@code warpAffine} and {@code resize} with {@code INTER_LINEAR}): pixel
 * {@code (i, j)} has its centre at coordinates {@code (i, j)}; output pixel {@code (u, v)} takes the value at
 * source point {@code M·(u, v, 1)} by <b>bilinear interpolation</b> of the four surrounding pixels, where pixels
 * outside the image count as 0 (constant border). A crop of the source rectangle {@code [x0, x0 + w) × [y0, y0 + h)}
 * resized to {@code W × H} is the map {@code x = x0 + (u + ½)·w/W − ½}, {@code y = y0 + (v + ½)·h/H − ½}. When the
 * map shrinks the image by a factor {@code s ≥ 2}, the source is first reduced by the integer factor
 * {@code ⌊s⌋} with a box filter ({@link DecodedImage#boxShrink(int)}) so that bilinear sampling does not alias.
 * <p>
 * <b>One pass, straight into the tensor.</b> Each output pixel is interpolated once (once for all three channels of
 * a gray image, which is how gray becomes RGB), normalised and written to its place in the caller's tensor; no
 * intermediate image is made. A crop-and-resize (a map without rotation) takes its interpolation positions and
 * weights per column and per row, computed once; a rotated map (alignment) computes them per pixel. The box filter
 * reduces only the blocks the map reads. Every value is computed with the same floating-point operations in the same
 * order whichever path runs, so the paths give the same bits (tested).
 */
public final class ImageWarp {
    private ImageWarp() {
    }

    /**
     * The map (output pixel to source point) of a crop-and-resize.
     *
     * @param x0 left edge of the crop in source pixels
     * @param y0 top edge of the crop
     * @param w  crop width in source pixels
     * @param h  crop height
     * @param outW output width
     * @param outH output height
     * @return the row-major 2×3 matrix
     */
    public static double[] cropMap(double x0, double y0, double w, double h, int outW, int outH) {
        double sx = w / outW;
        double sy = h / outH;
        return new double[]{sx, 0, x0 + 0.5 * sx - 0.5, 0, sy, y0 + 0.5 * sy - 0.5};
    }

    /**
     * Warps {@code src} into {@code dst} as one image of {@code spec}'s input tensor.
     *
     * @param src    the image
     * @param map    row-major 2×3 matrix from output pixel {@code (u, v)} to source point {@code (x, y)}
     * @param spec   gives the output size, channel order, layout and normalisation
     * @param dst    the tensor; {@code spec.imageSize()} floats from {@code offset} are written
     * @param offset where the image starts in {@code dst}
     */
    public static void warpInto(DecodedImage src, double[] map, EmbeddingSpec spec, float[] dst, int offset) {
        Source s;
        double shrink = Math.sqrt(Math.abs(map[0] * map[4] - map[1] * map[3]));
        if (shrink >= 2) {
            int k = (int) Math.floor(shrink);
            // x' = (x + 0.5)/k − 0.5 in the reduced image.
            map = new double[]{map[0] / k, map[1] / k, (map[2] + 0.5) / k - 0.5,
                    map[3] / k, map[4] / k, (map[5] + 0.5) / k - 0.5};
            int fw = (src.width() + k - 1) / k;
            int fh = (src.height() + k - 1) / k;
            int[] r = support(map, spec.width(), spec.height(), fw, fh);
            byte[] reduced = DecodedImage.boxShrink(src.data(), src.width(), src.height(), src.channels(), k,
                    r[0], r[1], r[2], r[3]);
            s = new Source(reduced, r[2] - r[0], src.channels(), r[0], r[1], fw, fh);
        } else {
            s = new Source(src.data(), src.width(), src.channels(), 0, 0, src.width(), src.height());
        }
        Target t = new Target(spec, dst, offset);
        if (map[1] == 0 && map[3] == 0) {
            separable(s, map, t);
        } else {
            general(s, map, t);
        }
    }

    /**
     * The pixels of an image, or of the rectangle of it that a map reads: {@code data} holds the rows
     * {@code oy, oy + 1, …} and columns {@code ox … ox + w − 1} of a {@code fullW × fullH} image.
     */
    private record Source(byte[] data, int w, int ch, int ox, int oy, int fullW, int fullH) {
        /** Channel {@code c} of pixel (x, y) of the full image; 0 outside it. */
        int at(int x, int y, int c) {
            return x < 0 || y < 0 || x >= fullW || y >= fullH ? 0 : data[((y - oy) * w + (x - ox)) * ch + c] & 0xff;
        }

        /** Whether the four pixels from (x0, y0) to (x0 + 1, y0 + 1) lie in the full image. */
        boolean inside(int x0, int y0) {
            return x0 >= 0 && y0 >= 0 && x0 + 1 < fullW && y0 + 1 < fullH;
        }

        /** Index of channel 0 of pixel (x, y), which must be inside. */
        int index(int x, int y) {
            return ((y - oy) * w + (x - ox)) * ch;
        }
    }

    /** Where and how normalised values are written. */
    private static final class Target {
        final float[] dst;
        final int offset;
        final int outW;
        final int outH;
        final int plane;
        final boolean nchw;
        final boolean bgr;
        final double mean;
        final double inv;

        Target(EmbeddingSpec spec, float[] dst, int offset) {
            this.dst = dst;
            this.offset = offset;
            this.outW = spec.width();
            this.outH = spec.height();
            this.plane = outW * outH;
            this.nchw = spec.layout() == TensorLayout.NCHW;
            this.bgr = spec.channelOrder() == ChannelOrder.BGR;
            this.mean = spec.normalisation().mean();
            this.inv = 1.0 / spec.normalisation().scale();
        }

        /** Output pixel {@code p} of a gray image: the interpolated value {@code s} on all three channels. */
        void gray(int p, double s) {
            float value = (float) (((float) s - mean) * inv);
            if (nchw) {
                dst[offset + p] = value;
                dst[offset + plane + p] = value;
                dst[offset + 2 * plane + p] = value;
            } else {
                int o = offset + 3 * p;
                dst[o] = value;
                dst[o + 1] = value;
                dst[o + 2] = value;
            }
        }

        /** Output pixel {@code p} of a colour image from its interpolated red, green and blue. */
        void rgb(int p, double r, double g, double b) {
            float fr = (float) r;
            float fg = (float) g;
            float fb = (float) b;
            float c0 = (float) (((bgr ? fb : fr) - mean) * inv);
            float c1 = (float) ((fg - mean) * inv);
            float c2 = (float) (((bgr ? fr : fb) - mean) * inv);
            if (nchw) {
                dst[offset + p] = c0;
                dst[offset + plane + p] = c1;
                dst[offset + 2 * plane + p] = c2;
            } else {
                int o = offset + 3 * p;
                dst[o] = c0;
                dst[o + 1] = c1;
                dst[o + 2] = c2;
            }
        }
    }

    /** A map without rotation or shear: positions and weights per column and per row. */
    private static void separable(Source s, double[] map, Target t) {
        int outW = t.outW;
        int outH = t.outH;
        int[] xi = new int[outW];
        double[] ax0 = new double[outW];
        double[] ax1 = new double[outW];
        for (int u = 0; u < outW; u++) {
            // The same expression as the general path's, with v = 0 (map[1]·v is the same zero for every v ≥ 0).
            double x = map[0] * u + map[1] * 0 + map[2];
            int x0 = (int) Math.floor(x);
            double fx = x - x0;
            xi[u] = x0;
            ax0[u] = 1 - fx;
            ax1[u] = fx;
        }
        for (int v = 0; v < outH; v++) {
            double y = map[3] * 0 + map[4] * v + map[5];
            int y0 = (int) Math.floor(y);
            double fy = y - y0;
            double ay0 = 1 - fy;
            int p = v * outW;
            for (int u = 0; u < outW; u++, p++) {
                int x0 = xi[u];
                double w00 = ax0[u] * ay0;
                double w10 = ax1[u] * ay0;
                double w01 = ax0[u] * fy;
                double w11 = ax1[u] * fy;
                sample(s, t, p, x0, y0, w00, w10, w01, w11);
            }
        }
    }

    /** Any affine map: positions and weights per pixel. */
    private static void general(Source s, double[] map, Target t) {
        int outW = t.outW;
        for (int v = 0; v < t.outH; v++) {
            for (int u = 0; u < outW; u++) {
                double x = map[0] * u + map[1] * v + map[2];
                double y = map[3] * u + map[4] * v + map[5];
                int x0 = (int) Math.floor(x);
                int y0 = (int) Math.floor(y);
                double fx = x - x0;
                double fy = y - y0;
                double w00 = (1 - fx) * (1 - fy);
                double w10 = fx * (1 - fy);
                double w01 = (1 - fx) * fy;
                double w11 = fx * fy;
                int p = v * outW + u;
                sample(s, t, p, x0, y0, w00, w10, w01, w11);
            }
        }
    }

    /** Output pixel {@code p}: the bilinear weights applied to the four pixels from (x0, y0) to (x0 + 1, y0 + 1). */
    private static void sample(Source s, Target t, int p, int x0, int y0, double w00, double w10, double w01,
                               double w11) {
        if (!s.inside(x0, y0)) {
            border(s, t, p, x0, y0, w00, w10, w01, w11);
            return;
        }
        byte[] data = s.data();
        int i00 = s.index(x0, y0);
        if (s.ch() == 1) {
            int i01 = i00 + s.w();
            t.gray(p, w00 * (data[i00] & 0xff) + w10 * (data[i00 + 1] & 0xff)
                    + w01 * (data[i01] & 0xff) + w11 * (data[i01 + 1] & 0xff));
        } else {
            int i01 = i00 + 3 * s.w();
            t.rgb(p, w00 * (data[i00] & 0xff) + w10 * (data[i00 + 3] & 0xff)
                            + w01 * (data[i01] & 0xff) + w11 * (data[i01 + 3] & 0xff),
                    w00 * (data[i00 + 1] & 0xff) + w10 * (data[i00 + 4] & 0xff)
                            + w01 * (data[i01 + 1] & 0xff) + w11 * (data[i01 + 4] & 0xff),
                    w00 * (data[i00 + 2] & 0xff) + w10 * (data[i00 + 5] & 0xff)
                            + w01 * (data[i01 + 2] & 0xff) + w11 * (data[i01 + 5] & 0xff));
        }
    }

    /** An output pixel whose four neighbours are not all inside the image (those outside count as 0). */
    private static void border(Source s, Target t, int p, int x0, int y0, double w00, double w10, double w01,
                               double w11) {
        double[] c = new double[3];
        for (int k = 0; k < s.ch(); k++) {
            c[k] = w00 * s.at(x0, y0, k) + w10 * s.at(x0 + 1, y0, k) + w01 * s.at(x0, y0 + 1, k)
                    + w11 * s.at(x0 + 1, y0 + 1, k);
        }
        if (s.ch() == 1) {
            t.gray(p, c[0]);
        } else {
            t.rgb(p, c[0], c[1], c[2]);
        }
    }

    /**
     * The rectangle {@code {x0, y0, x1, y1}} (end exclusive) of a {@code fullW × fullH} image that bilinear sampling
     * through {@code map} can read, with a pixel of margin against rounding, clipped to the image (at least one
     * pixel, which is then never read when the map lands outside the image).
     */
    static int[] support(double[] map, int outW, int outH, int fullW, int fullH) {
        double minX = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (int u : new int[]{0, outW - 1}) {
            for (int v : new int[]{0, outH - 1}) {
                double x = map[0] * u + map[1] * v + map[2];
                double y = map[3] * u + map[4] * v + map[5];
                minX = Math.min(minX, x);
                maxX = Math.max(maxX, x);
                minY = Math.min(minY, y);
                maxY = Math.max(maxY, y);
            }
        }
        int x0 = clamp(Math.floor(minX) - 1, fullW - 1);
        int y0 = clamp(Math.floor(minY) - 1, fullH - 1);
        int x1 = Math.max(x0 + 1, clamp(Math.floor(maxX) + 3, fullW));
        int y1 = Math.max(y0 + 1, clamp(Math.floor(maxY) + 3, fullH));
        return new int[]{x0, y0, x1, y1};
    }

    private static int clamp(double v, int max) {
        return (int) Math.max(0, Math.min(max, v));
    }
}
