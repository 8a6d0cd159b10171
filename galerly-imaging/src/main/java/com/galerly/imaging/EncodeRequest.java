/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.imaging;

import com.galerly.core.image.RenditionSpec;
import java.awt.image.BufferedImage;
import java.util.Map;
import java.util.Objects;

/**
 * What an {@link ImageEncoder} is asked to write: 8-bit sRGB pixels ({@link BufferedImage#TYPE_INT_RGB}, or
 * {@link BufferedImage#TYPE_INT_ARGB} non-premultiplied when the encoder keeps alpha and the image has any),
 * the rendition's spec, and the only metadata allowed into the output.
 *
 * <pre>{@code
 * EncodeRequest request = new EncodeRequest(pixels, spec, false, Map.of("Copyright", "(c) Ana"));
 * byte[] jpeg = encoder.encode(request);
 * }</pre>
 *
 * @param pixels      the rendition's pixels
 * @param spec        its spec (format, quality)
 * @param progressive whether a progressive encoding is wanted, where the format has one
 * @param keep        metadata to write (only {@code Copyright} and {@code Artist} are ever passed); usually empty
 */
public record EncodeRequest(BufferedImage pixels, RenditionSpec spec, boolean progressive, Map<String, String> keep) {
    public EncodeRequest {
        Objects.requireNonNull(pixels, "pixels");
        Objects.requireNonNull(spec, "spec");
        keep = keep == null ? Map.of() : Map.copyOf(keep);
    }

    /** Encoder quality 1..100 from the spec. */
    public int quality() {
        return spec.quality();
    }
}
