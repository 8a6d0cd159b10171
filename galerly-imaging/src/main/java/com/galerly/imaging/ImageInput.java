/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.imaging;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The bytes of one image as a decoder sees them. The engine has already sniffed the first bytes and enforces
 * the byte limit while the decoder reads; a decoder opens the stream once per {@link ImageDecoder.Reading}.
 *
 * {@snippet :
 * try (InputStream in = input.openStream()) {
 *     Header header = MyFormat.readHeader(in);
 * }
 * }
 */
public interface ImageInput {
    /** The file path or storage key, for messages. */
    String name();

    /** Length in bytes, or -1 when unknown. */
    long length();

    /** The first bytes of the input (up to {@link ImageDecoder#SNIFF_LENGTH}), as the decoders were shown them. */
    byte[] head();

    /**
     * The whole input from its first byte. For a single-use source the first call returns the one stream
     * and later calls fail with an {@link IOException}; the caller closes what it opens.
     */
    InputStream openStream() throws IOException;

    /** The file behind the input when there is one, for decoders that read at random (native libraries). */
    Optional<Path> path();

    /**
     * The most pixels (width x height) the engine accepts for this input ({@code ProcessorSettings.maxPixels}), for
     * decoders that hand the input to a native library with limits of its own; unbounded by default.
     */
    default long maxPixels() {
        return Long.MAX_VALUE;
    }
}
