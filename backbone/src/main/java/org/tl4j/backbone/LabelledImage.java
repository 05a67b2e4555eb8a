package org.tl4j.backbone;

import org.tribuo.classification.Label;

import java.io.Serializable;
import java.util.Objects;

/**
 * An image of an {@link ImageSource} with its class.
 *
 * @param key   the image's key
 * @param label its class
 */
public record LabelledImage(String key, Label label) implements Serializable {
    /** Validates the fields. */
    public LabelledImage {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(label, "label");
    }

    /** An image of class {@code label}. */
    public static LabelledImage of(String key, String label) {
        return new LabelledImage(key, new Label(label));
    }
}
