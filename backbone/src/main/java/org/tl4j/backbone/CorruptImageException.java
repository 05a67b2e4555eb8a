package org.tl4j.backbone;

import java.io.IOException;

/**
 * An image that cannot be decoded: not a readable image file, or a damaged or truncated one (see
 * {@link ImageDecoder}). The message names the image and says what is wrong.
 */
public final class CorruptImageException extends IOException {
    private static final long serialVersionUID = 1L;

    private final String image;

    /**
     * @param image   names the image (e.g. its key in an {@link ImageSource})
     * @param message the full message, naming the image
     * @param cause   the decoder's exception, or {@code null}
     */
    public CorruptImageException(String image, String message, Throwable cause) {
        super(message, cause);
        this.image = image;
    }

    /** The image, as named to the decoder. */
    public String image() {
        return image;
    }
}
