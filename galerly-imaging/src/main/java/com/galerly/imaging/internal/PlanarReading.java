/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.imaging.internal;

import com.galerly.imaging.internal.jpeg.JpegUnsupportedException;
import com.galerly.imaging.internal.planar.PlanarImage;
import java.io.IOException;

/**
 * A reading that can also hand over its pixels as planes, decoded at 1/{@code scale} inside the codec (an
 * area average, not a subsampling), without colour conversion. The engine prefers it for sRGB and untagged
 * photos; {@link JpegUnsupportedException} sends it back to {@code decode}.
 */
interface PlanarReading {
    /** Whether a planar decode at 1/{@code scale} is possible (checked on the header only). */
    boolean planarSupported();

    /** The embedded ICC profile's bytes, or null. */
    byte[] icc() throws IOException;

    /** Bytes the planes take when decoded at 1/{@code scale} (only when {@link #planarSupported()}). */
    long planarBytes(int scale);

    /**
     * Whether the planes are only a faster way to what {@code decode} gives (a PNG), rather than the better decode:
     * the engine then takes them only where they lose nothing the renditions keep (every rendition reduced enough
     * that chroma subsampled at the source is finer than the output's) and when they fit the heap.
     */
    default boolean planesOptional() {
        return false;
    }

    /**
     * Decodes at 1/{@code scale} (1, 2, 4 or 8), sharing the work with {@code executor} when it is not null.
     *
     * @throws JpegUnsupportedException the file is of a kind only {@code decode} handles
     */
    PlanarImage planar(int scale, java.util.concurrent.Executor executor) throws IOException, JpegUnsupportedException;
}
