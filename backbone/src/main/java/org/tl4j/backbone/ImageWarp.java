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
        double shrink = Math.sqrt(Math.abs(map[0] * map[4] - map[1] * map[3]));
        if (shrink >= 2) {
            int k = (int) Math.floor(shrink);
            src = src.boxShrink(k);
            // x' = (x + 0.5)/k − 0.5 in the reduced image.
            map = new double[]{map[0] / k, map[1] / k, (map[2] + 0.5) / k - 0.5,
                    map[3] / k, map[4] / k, (map[5] + 0.5) / k - 0.5};
        }
        int outW = spec.width();
        int outH = spec.height();
        int plane = outW * outH;
        boolean nchw = spec.layout() == TensorLayout.NCHW;
        boolean bgr = spec.channelOrder() == ChannelOrder.BGR;
        double mean = spec.normalisation().mean();
        double inv = 1.0 / spec.normalisation().scale();
        int w = src.width();
        int h = src.height();
        int ch = src.channels();
        byte[] data = src.data();
        float[] rgb = new float[3];
        for (int v = 0; v < outH; v++) {
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
                boolean inside = x0 >= 0 && y0 >= 0 && x0 + 1 < w && y0 + 1 < h;
                for (int c = 0; c < ch; c++) {
                    double s;
                    if (inside) {
                        int i00 = (y0 * w + x0) * ch + c;
                        int i01 = i00 + w * ch;
                        s = w00 * (data[i00] & 0xff) + w10 * (data[i00 + ch] & 0xff)
                                + w01 * (data[i01] & 0xff) + w11 * (data[i01 + ch] & 0xff);
                    } else {
                        s = w00 * at(data, w, h, ch, x0, y0, c) + w10 * at(data, w, h, ch, x0 + 1, y0, c)
                                + w01 * at(data, w, h, ch, x0, y0 + 1, c) + w11 * at(data, w, h, ch, x0 + 1, y0 + 1, c);
                    }
                    rgb[c] = (float) s;
                }
                if (ch == 1) {
                    rgb[1] = rgb[0];
                    rgb[2] = rgb[0];
                }
                int p = v * outW + u;
                for (int c = 0; c < 3; c++) {
                    float value = (float) ((rgb[bgr ? 2 - c : c] - mean) * inv);
                    dst[nchw ? offset + c * plane + p : offset + 3 * p + c] = value;
                }
            }
        }
    }

    private static int at(byte[] data, int w, int h, int ch, int x, int y, int c) {
        return x < 0 || y < 0 || x >= w || y >= h ? 0 : data[(y * w + x) * ch + c] & 0xff;
    }
}
