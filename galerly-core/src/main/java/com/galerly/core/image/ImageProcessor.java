/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.core.image;

/**
 * Turns an original into its renditions, decoding it once. Implementations are thread-safe: one instance
 * serves concurrent calls. Find the installed one with {@link ImageProcessors#load()}.
 *
 * <pre>{@code
 * ImageProcessor processor = ImageProcessors.load();
 * ProcessedImage out = processor.process(ImageSource.of(path), RenditionProfile.standard());
 * for (EncodedRendition r : out.renditions()) {
 *     Files.write(dir.resolve(r.name() + "." + r.format().extension()), r.bytes());
 * }
 * }</pre>
 *
 * <p>Failures are {@link com.galerly.core.GalerlyException}s and nothing else:
 * {@code UNSUPPORTED_FORMAT} (not an image any decoder reads), {@code CORRUPT_IMAGE} (truncated or malformed),
 * {@code LIMIT_EXCEEDED} (over the byte or pixel limit, refused before pixels are allocated),
 * {@code LIMIT_EXCEEDED} also when the photo is not done by its deadline ({@link ProcessorSettings#timeLimit()});
 * {@code IO_ERROR} (the source could not be read, or the call was interrupted; retryable);
 * {@code CONFIGURATION} (a codec is missing or cannot load: no fault of the photo);
 * {@code INTERNAL} (a bug of the processor).
 */
public interface ImageProcessor {
    /** Reads the header only: format, size, orientation, colour. */
    ImageInfo inspect(ImageSource source);

    /** Decodes once and renders every spec of {@code profile}. */
    ProcessedImage process(ImageSource source, RenditionProfile profile);

    /**
     * As {@link #process(ImageSource, RenditionProfile)}, done by {@code deadline} (or by the processor's own
     * {@link ProcessorSettings#timeLimit()}, whichever is earlier): past it the call fails {@code LIMIT_EXCEEDED}.
     * A Lambda handler passes the invocation's remaining time minus a margin. Implementations without a clock
     * of their own may ignore the deadline (the default does).
     */
    default ProcessedImage process(ImageSource source, RenditionProfile profile, java.time.Instant deadline) {
        return process(source, profile);
    }

    /**
     * Throws a {@code CONFIGURATION} {@link com.galerly.core.GalerlyException} when this processor cannot write
     * every format {@code profile} asks for, so a missing encoder is found when a pipeline is built rather than
     * when a photo arrives. The default accepts every profile.
     */
    default void requireEncoders(RenditionProfile profile) {
    }

    /**
     * The version of this engine's output: changed by an implementation whenever the same spec would give other
     * bytes (a new resampler, encoder settings), so that fingerprinted rendition keys change with it
     * ({@link Fingerprints}). The default is the implementation's class name and version 1.
     */
    default String outputVersion() {
        return getClass().getName() + "/1";
    }
}
