package org.tl4j.backbone;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;

/**
 * Decodes JPEG and PNG images with the JDK's Image I/O into {@link DecodedImage}s: 8-bit gray images stay one
 * channel (replicated to three when fed to a model), colour images become interleaved RGB, and any other pixel
 * format (palette, 16-bit, alpha) is converted through sRGB with alpha ignored. Decoding reads from memory without
 * Image I/O's disk cache. Thread-safe.
 */
public final class ImageDecoder {
    private ImageDecoder() {
    }

    /**
     * Decodes one image.
     *
     * @param bytes the encoded image
     * @param what  names the image in error messages (e.g. its path)
     * @throws IOException naming the image when it is not a readable JPEG or PNG
     */
    public static DecodedImage decode(byte[] bytes, String what) throws IOException {
        BufferedImage img;
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new IOException("Cannot decode image '" + what + "' (" + bytes.length + " bytes, starting "
                        + head(bytes) + "): not a JPEG or PNG file");
            }
            ImageReader r = readers.next();
            try {
                r.setInput(in, true, true);
                img = r.read(0);
            } catch (IOException | RuntimeException e) {
                throw new IOException("Cannot decode image '" + what + "' as " + r.getFormatName() + ": "
                        + e.getMessage(), e);
            } finally {
                r.dispose();
            }
        }
        return fromBufferedImage(img);
    }

    /** Converts a {@link BufferedImage}; 8-bit gray and 3-byte BGR images are copied without colour conversion. */
    public static DecodedImage fromBufferedImage(BufferedImage img) {
        int w = img.getWidth();
        int h = img.getHeight();
        if (img.getType() == BufferedImage.TYPE_BYTE_GRAY && img.getRaster().getDataBuffer() instanceof DataBufferByte db
                && img.getRaster().getNumBands() == 1 && db.getData().length == w * h) {
            return new DecodedImage(w, h, 1, db.getData().clone());
        }
        if (img.getType() == BufferedImage.TYPE_3BYTE_BGR && img.getRaster().getDataBuffer() instanceof DataBufferByte db
                && db.getData().length == w * h * 3) {
            byte[] bgr = db.getData();
            byte[] rgb = new byte[bgr.length];
            for (int i = 0; i < bgr.length; i += 3) {
                rgb[i] = bgr[i + 2];
                rgb[i + 1] = bgr[i + 1];
                rgb[i + 2] = bgr[i];
            }
            return new DecodedImage(w, h, 3, rgb);
        }
        byte[] rgb = new byte[w * h * 3];
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            img.getRGB(0, y, w, 1, row, 0, w);
            for (int x = 0; x < w; x++) {
                int p = row[x];
                int o = (y * w + x) * 3;
                rgb[o] = (byte) (p >> 16);
                rgb[o + 1] = (byte) (p >> 8);
                rgb[o + 2] = (byte) p;
            }
        }
        return new DecodedImage(w, h, 3, rgb);
    }

    private static String head(byte[] b) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Math.min(4, b.length); i++) {
            sb.append(String.format("%02x", b[i] & 0xff));
        }
        return sb.length() == 0 ? "(empty)" : "0x" + sb;
    }
}
