package org.tl4j.backbone;

import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Decoding: the JDK decoder's pixel values, damaged and truncated files rejected with the usual message. */
class ImageDecoderTest {

    private static final byte[] GRAY = jpeg(false);
    private static final byte[] COLOUR = jpeg(true);

    private static byte[] jpeg(boolean colour) {
        try {
            return TinyOnnx.jpeg(TinyOnnx.noiseImage(64, 48, colour, 7));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Asserts that decoding fails with the message every undecodable image gets, naming it. */
    private static CorruptImageException assertCorrupt(byte[] bytes, String what) {
        CorruptImageException e = assertThrows(CorruptImageException.class, () -> ImageDecoder.decode(bytes, what));
        assertTrue(e.getMessage().startsWith("Cannot decode image '" + what + "' as "), e.getMessage());
        assertEquals(what, e.image());
        return e;
    }

    @Test
    void aJpegCutToAThirdIsRejectedNamingTheImage() {
        // The JDK's decoder fills the missing part with grey and only warns; that must not pass as an image.
        CorruptImageException e = assertCorrupt(Arrays.copyOf(GRAY, GRAY.length / 3), "Ann/Ann_0001.jpg");
        assertTrue(e.getMessage().contains("JPEG") && e.getMessage().toLowerCase().contains("premature end"),
                e.getMessage());
        assertCorrupt(Arrays.copyOf(COLOUR, COLOUR.length / 3), "colour.jpg");
    }

    @Test
    void aJpegWithoutItsEndMarkerIsRejected() {
        assertEquals(0xd9, GRAY[GRAY.length - 1] & 0xff, "the test image ends with EOI");
        CorruptImageException e = assertCorrupt(Arrays.copyOf(GRAY, GRAY.length - 2), "no-eoi.jpg");
        assertTrue(e.getMessage().contains("EOI"), e.getMessage());
    }

    @Test
    void aTruncatedPngIsRejected() throws IOException {
        byte[] png = TinyOnnx.png(TinyOnnx.noiseImage(64, 48, false, 3));
        assertCorrupt(Arrays.copyOf(png, png.length / 2), "half.png");
    }

    @Test
    void garbageIsRejectedNamingTheImage() {
        CorruptImageException e = assertThrows(CorruptImageException.class,
                () -> ImageDecoder.decode(new byte[]{1, 2, 3, 4, 5}, "x.jpg"));
        assertTrue(e.getMessage().contains("x.jpg") && e.getMessage().contains("not a JPEG or PNG"), e.getMessage());
    }

    @Test
    void grayAndColourJpegsDecodeToTheJdkDecodersValues() throws IOException {
        BufferedImage gray = ImageIO.read(new ByteArrayInputStream(GRAY));
        DecodedImage g = ImageDecoder.decode(GRAY, "gray.jpg");
        assertEquals(1, g.channels());
        BufferedImage colour = ImageIO.read(new ByteArrayInputStream(COLOUR));
        DecodedImage c = ImageDecoder.decode(COLOUR, "colour.jpg");
        assertEquals(3, c.channels());
        for (int y = 0; y < 48; y++) {
            for (int x = 0; x < 64; x++) {
                assertEquals(gray.getRaster().getSample(x, y, 0), g.value(x, y, 0));
                int rgb = colour.getRGB(x, y);
                assertEquals((rgb >> 16) & 0xff, c.value(x, y, 0));
                assertEquals((rgb >> 8) & 0xff, c.value(x, y, 1));
                assertEquals(rgb & 0xff, c.value(x, y, 2));
            }
        }
    }

    @Test
    void decodingRecoversAfterACorruptImage() throws IOException {
        // Readers are reused per thread; one that failed is replaced, so the next image decodes as usual.
        DecodedImage before = ImageDecoder.decode(GRAY, "a.jpg");
        assertCorrupt(Arrays.copyOf(GRAY, GRAY.length / 2), "b.jpg");
        assertCorrupt(new byte[]{(byte) 0xff, (byte) 0xd8, (byte) 0xff, 0, 1, 2}, "c.jpg");
        DecodedImage after = ImageDecoder.decode(GRAY, "a.jpg");
        for (int y = 0; y < 48; y++) {
            for (int x = 0; x < 64; x++) {
                assertEquals(before.value(x, y, 0), after.value(x, y, 0));
            }
        }
    }

    @Test
    void onlyWarningsAboutThePixelDataCountAsDamage() {
        assertEquals(List.of("Corrupt JPEG data: bad Huffman code", "Truncated File - Missing EOI marker"),
                ImageDecoder.damage(List.of("Embedded color profile is invalid; ignored",
                        "Corrupt JPEG data: bad Huffman code", "Warning: unknown JFIF revision number 3.01",
                        "Truncated File - Missing EOI marker")));
    }
}
