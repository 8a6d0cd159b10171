/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.core.image;

/**
 * Turns an original into its renditions, decoding it once. Implementations are thread-safe: one instance
 * serves concurrent calls. Find the installed one with {@link ImageProcessors#load()}.
 *
 * {@snippet :
 * ImageProcessor processor = ImageProcessors.load();
 * ProcessedImage out = processor.process(ImageSource.of(path), RenditionProfile.standard());
 * for (EncodedRendition r : out.renditions()) {
 *     Files.write(dir.resolve(r.name() + "." + r.format().extension()), r.bytes());
 * }
 * }
 *
 * <p>Failures are {@link com.galerly.core.GalerlyException}s and nothing else:
 * {@code UNSUPPORTED_FORMAT} (not an image any decoder reads), {@code CORRUPT_IMAGE} (truncated or malformed),
 * {@code LIMIT_EXCEEDED} (over the byte or pixel limit, refused before pixels are allocated),
 * {@code IO_ERROR} (the source could not be read).
 */
public interface ImageProcessor {
    /** Reads the header only: format, size, orientation, colour. */
    ImageInfo inspect(ImageSource source);

    /** Decodes once and renders every spec of {@code profile}. */
    ProcessedImage process(ImageSource source, RenditionProfile profile);

    /**
     * The version of this engine's output: changed by an implementation whenever the same spec would give other
     * bytes (a new resampler, encoder settings), so that fingerprinted rendition keys change with it
     * ({@link Fingerprints}). The default is the implementation's class name and version 1.
     */
    default String outputVersion() {
        return getClass().getName() + "/1";
    }
}
