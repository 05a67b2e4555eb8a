package org.tl4j.backbone;

/** The order of the colour channels a model expects. Grayscale images are replicated to all three channels. */
public enum ChannelOrder {
    /** Red, green, blue (PyTorch and most face-recognition exports). */
    RGB,
    /** Blue, green, red (OpenCV conventions, e.g. the YuNet detector). */
    BGR
}
