/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.imaging;

import com.galerly.core.image.ImageFormat;
import java.io.IOException;
import java.util.Optional;

/**
 * Service-provider interface for one output format. A plugin jar lists its implementation in
 * {@code META-INF/services/com.galerly.imaging.ImageEncoder}; galerly-imaging brings JPEG (Galerly's own
 * baseline encoder with libjpeg's tables and DCT, the JDK's writer for progressive files; optimised Huffman
 * tables, 4:2:0) and WebP (libwebp through webp-imageio). The engine strips all metadata
 * before the pixels reach an encoder: an encoder writes only what {@link EncodeRequest#keep()} holds.
 *
 * <pre>{@code
 * public final class AvifEncoder implements ImageEncoder {
 *     public String name() { return "avif"; }
 *     public ImageFormat format() { return ImageFormat.AVIF; }
 *     public boolean keepsAlpha() { return true; }
 *     public byte[] encode(EncodeRequest request) throws IOException { return Avif.encode(request.pixels(), request.quality()); }
 * }
 * }</pre>
 */
public interface ImageEncoder {
    /** A short name for messages. */
    String name();

    /** The format written. */
    ImageFormat format();

    /** Higher wins when several encoders write the same format. */
    default int priority() {
        return 0;
    }

    /** Why this encoder cannot work here (native library missing...), or empty when it can. */
    default Optional<String> unavailableReason() {
        return Optional.empty();
    }

    /** Whether the format keeps transparency; when false the engine flattens alpha onto the background first. */
    boolean keepsAlpha();

    /** Encodes one rendition; thread-safe. */
    byte[] encode(EncodeRequest request) throws IOException;
}
