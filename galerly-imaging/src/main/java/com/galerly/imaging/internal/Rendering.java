/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.imaging.internal;

import com.galerly.core.image.RenditionSpec;
import com.galerly.core.image.Size;
import com.galerly.imaging.ImageEncoder;
import java.io.IOException;
import java.util.Map;

/** A rendition's pixels, resampled and upright, before encoding. */
interface Rendering {
    Size size();

    /** This rendition as a source for smaller ones; {@code oriented} is the original's displayed size. */
    Canvas canvas(Size oriented);

    /** Encodes the rendition (thread-safe: may run on another thread while the next one is resampled). */
    byte[] encode(ImageEncoder encoder, RenditionSpec spec, boolean progressive, Map<String, String> keep,
                  int background) throws IOException;

    /**
     * The rendition averaged onto {@code width x height} pixels, opaque packed RGB (transparency flattened onto
     * {@code background}): the placeholder's input.
     */
    int[] miniature(int width, int height, int background);
}
