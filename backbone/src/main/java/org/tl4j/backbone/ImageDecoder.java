package org.tl4j.backbone;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentSampleModel;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/**
 * Decodes JPEG and PNG images with the JDK's Image I/O into {@link DecodedImage}s: 8-bit gray images stay one
 * channel (replicated to three when fed to a model), colour images become interleaved RGB, and any other pixel
 * format (palette, 16-bit, alpha) is converted through sRGB with alpha ignored. Decoding reads from memory without
 * Image I/O's disk cache. Thread-safe.
 * <p>
 * <b>Corrupt images are errors.</b> The JDK's JPEG decoder (libjpeg) does not fail on a damaged or truncated file:
 * it reports a warning ("Premature end of JPEG file", "Corrupt JPEG data: premature end of data segment",
 * "Truncated File - Missing EOI marker", …) and fills what it could not decode with grey. Such a JPEG is rejected
 * here with the same message as any other image that cannot be decoded, quoting the decoder's warnings. Warnings
 * that do not concern the pixel data (an invalid embedded colour profile, an unknown JFIF revision, a JFIF marker
 * in a thumbnail, an unknown Adobe colour transform) are not errors. The whole image is always decoded, so damage
 * anywhere in the file is seen, even outside the part a crop keeps.
 * <p>
 * <b>Speed.</b> JPEG and PNG readers are created once per thread and reused (looking up and creating a reader per
 * image cost about a tenth of a decode), and the decoded pixels are taken over from the decoder's buffer without a
 * copy. The pixel values are those of the JDK's decoder, unchanged; a third-party decoder was not needed: decoding a
 * 250×250 gray LFW JPEG takes about 0.17 ms of CPU, under 2 % of MobileFaceNet's inference per image (measured by
 * {@code tl bench backbone}).
 */
public final class ImageDecoder {

    /** Decoder warnings that say nothing about the pixel data (JDK {@code JPEGImageReader} and libjpeg texts). */
    private static final List<String> BENIGN_WARNINGS = List.of("color profile is invalid",
            "jfif markers not allowed in jfif jpeg thumbnail", "unknown jfif revision",
            "unknown adobe color transform");

    /** The readers of one thread, with the warnings of the image being decoded. */
    private static final class Readers {
        ImageReader jpeg;
        ImageReader png;
        final List<String> warnings = new ArrayList<>();

        ImageReader get(Format f) {
            if (f == Format.JPEG) {
                if (jpeg == null) {
                    jpeg = create("jpeg");
                }
                return jpeg;
            }
            if (png == null) {
                png = create("png");
            }
            return png;
        }

        private ImageReader create(String format) {
            ImageReader r = ImageIO.getImageReadersByFormatName(format).next();
            r.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
            return r;
        }

        /** Drops a reader whose state after a failure is not to be trusted. */
        void discard(Format f) {
            ImageReader r = f == Format.JPEG ? jpeg : png;
            if (r != null) {
                r.dispose();
            }
            if (f == Format.JPEG) {
                jpeg = null;
            } else {
                png = null;
            }
        }
    }

    private enum Format {
        JPEG, PNG, OTHER;

        static Format of(byte[] b) {
            if (b.length >= 3 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xd8 && (b[2] & 0xff) == 0xff) {
                return JPEG;
            }
            if (b.length >= 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') {
                return PNG;
            }
            return OTHER;
        }
    }

    private static final ThreadLocal<Readers> READERS = ThreadLocal.withInitial(Readers::new);

    private ImageDecoder() {
    }

    /**
     * Decodes one image.
     *
     * @param bytes the encoded image
     * @param what  names the image in error messages (e.g. its path)
     * @throws CorruptImageException naming the image when it is not a readable JPEG or PNG, or is damaged or
     *                               truncated
     * @throws IOException           if reading from memory fails otherwise
     */
    public static DecodedImage decode(byte[] bytes, String what) throws IOException {
        Format format = Format.of(bytes);
        if (format == Format.OTHER) {
            return fromBufferedImage(decodeOther(bytes, what));
        }
        Readers readers = READERS.get();
        ImageReader r = readers.get(format);
        readers.warnings.clear();
        BufferedImage img;
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
            r.setInput(in, true, true);
            img = r.read(0);
        } catch (IOException | RuntimeException e) {
            readers.discard(format);
            throw corrupt(what, format.name(), e.getMessage(), e);
        } finally {
            if (readers.jpeg == r || readers.png == r) {
                r.setInput(null);
            }
        }
        List<String> damage = damage(readers.warnings);
        if (!damage.isEmpty()) {
            readers.discard(format);
            throw corrupt(what, format.name(), String.join("; ", damage) + " (the file is damaged or cut short)", null);
        }
        return takeOver(img);
    }

    /** The warnings that mean the pixel data are damaged. */
    static List<String> damage(List<String> warnings) {
        List<String> bad = new ArrayList<>();
        for (String w : warnings) {
            String lower = w.toLowerCase(Locale.ROOT);
            if (BENIGN_WARNINGS.stream().noneMatch(lower::contains)) {
                bad.add(w);
            }
        }
        return bad;
    }

    private static CorruptImageException corrupt(String what, String format, String detail, Throwable cause) {
        return new CorruptImageException(what, "Cannot decode image '" + what + "' as " + format + ": " + detail,
                cause);
    }

    /** Formats other than JPEG and PNG that Image I/O reads (BMP, GIF, …), through its reader lookup. */
    private static BufferedImage decodeOther(byte[] bytes, String what) throws IOException {
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new CorruptImageException(what, "Cannot decode image '" + what + "' (" + bytes.length
                        + " bytes, starting " + head(bytes) + "): not a JPEG or PNG file", null);
            }
            ImageReader r = readers.next();
            List<String> warnings = new ArrayList<>();
            r.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
            BufferedImage img;
            try {
                r.setInput(in, true, true);
                img = r.read(0);
            } catch (IOException | RuntimeException e) {
                throw corrupt(what, r.getFormatName(), e.getMessage(), e);
            } finally {
                r.dispose();
            }
            List<String> damage = damage(warnings);
            if (!damage.isEmpty()) {
                throw corrupt(what, r.getFormatName(), String.join("; ", damage), null);
            }
            return img;
        }
    }

    /**
     * The pixels of a freshly decoded image, taking over its buffer where it already holds 8-bit gray or
     * interleaved BGR samples (reordered to RGB in place); the image must not be used afterwards.
     */
    private static DecodedImage takeOver(BufferedImage img) {
        int w = img.getWidth();
        int h = img.getHeight();
        if (packed(img, BufferedImage.TYPE_BYTE_GRAY, 1)) {
            return new DecodedImage(w, h, 1, ((DataBufferByte) img.getRaster().getDataBuffer()).getData());
        }
        if (packed(img, BufferedImage.TYPE_3BYTE_BGR, 3)) {
            byte[] px = ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
            for (int i = 0; i < px.length; i += 3) {
                byte b = px[i];
                px[i] = px[i + 2];
                px[i + 2] = b;
            }
            return new DecodedImage(w, h, 3, px);
        }
        return fromBufferedImage(img);
    }

    /** Whether {@code img} is of {@code type} with its samples packed row after row in one byte array. */
    private static boolean packed(BufferedImage img, int type, int channels) {
        return img.getType() == type && img.getRaster().getDataBuffer() instanceof DataBufferByte db
                && db.getNumBanks() == 1 && db.getOffset() == 0
                && db.getData().length == img.getWidth() * img.getHeight() * channels
                && img.getRaster().getSampleModel() instanceof ComponentSampleModel sm
                && sm.getScanlineStride() == img.getWidth() * channels && sm.getPixelStride() == channels
                && img.getRaster().getSampleModelTranslateX() == 0 && img.getRaster().getSampleModelTranslateY() == 0;
    }

    /**
     * Converts a {@link BufferedImage} (not modified); 8-bit gray and 3-byte BGR images are copied without colour
     * conversion.
     */
    public static DecodedImage fromBufferedImage(BufferedImage img) {
        int w = img.getWidth();
        int h = img.getHeight();
        if (packed(img, BufferedImage.TYPE_BYTE_GRAY, 1)) {
            return new DecodedImage(w, h, 1, ((DataBufferByte) img.getRaster().getDataBuffer()).getData().clone());
        }
        if (packed(img, BufferedImage.TYPE_3BYTE_BGR, 3)) {
            byte[] bgr = ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
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
