package org.tl4j.backbone;

/**
 * The reference of {@link ImageWarp}: the direct per-pixel formulation (box-reduce the whole image, then for every
 * output pixel and channel interpolate the four neighbours, reading each through a bounds check), as the pipeline
 * computed it before its fast paths. The fast paths must give the same bits.
 */
public final class ReferenceWarp {
    private ReferenceWarp() {
    }

    /** The whole image reduced by {@code k} with a box filter, pixel by pixel. */
    public static DecodedImage boxShrink(DecodedImage src, int k) {
        if (k <= 1) {
            return src;
        }
        int w = (src.width() + k - 1) / k;
        int h = (src.height() + k - 1) / k;
        int ch = src.channels();
        byte[] out = new byte[w * h * ch];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                for (int c = 0; c < ch; c++) {
                    int sum = 0;
                    int n = 0;
                    for (int yy = y * k; yy < Math.min(src.height(), (y + 1) * k); yy++) {
                        for (int xx = x * k; xx < Math.min(src.width(), (x + 1) * k); xx++) {
                            sum += src.value(xx, yy, c);
                            n++;
                        }
                    }
                    out[(y * w + x) * ch + c] = (byte) Math.round((float) sum / n);
                }
            }
        }
        return new DecodedImage(w, h, ch, out);
    }

    /** {@link ImageWarp#warpInto} computed pixel by pixel and channel by channel. */
    public static void warpInto(DecodedImage src, double[] map, EmbeddingSpec spec, float[] dst, int offset) {
        double shrink = Math.sqrt(Math.abs(map[0] * map[4] - map[1] * map[3]));
        if (shrink >= 2) {
            int k = (int) Math.floor(shrink);
            src = boxShrink(src, k);
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
        float[] rgb = new float[3];
        for (int v = 0; v < outH; v++) {
            for (int u = 0; u < outW; u++) {
                double x = map[0] * u + map[1] * v + map[2];
                double y = map[3] * u + map[4] * v + map[5];
                int x0 = (int) Math.floor(x);
                int y0 = (int) Math.floor(y);
                double fx = x - x0;
                double fy = y - y0;
                for (int c = 0; c < src.channels(); c++) {
                    rgb[c] = (float) ((1 - fx) * (1 - fy) * at(src, x0, y0, c) + fx * (1 - fy) * at(src, x0 + 1, y0, c)
                            + (1 - fx) * fy * at(src, x0, y0 + 1, c) + fx * fy * at(src, x0 + 1, y0 + 1, c));
                }
                if (src.channels() == 1) {
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

    private static int at(DecodedImage img, int x, int y, int c) {
        return x < 0 || y < 0 || x >= img.width() || y >= img.height() ? 0 : img.value(x, y, c);
    }
}
