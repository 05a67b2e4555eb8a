package org.tl4j.deep.net;

import java.util.regex.Pattern;

/** The pattern of layer names (interfaces cannot hold private constants). */
final class LayerNames {
    static final Pattern NAME = Pattern.compile("[A-Za-z0-9_]+");

    private LayerNames() {
    }
}
