/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.imaging.testkit;

import com.galerly.core.image.ImageFormat;
import com.galerly.core.image.RenditionSpec;
import com.galerly.imaging.EncodeRequest;
import com.galerly.imaging.GalerlyImaging;
import com.galerly.imaging.ImageEncoder;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Sample files in the formats galerly-testkit's {@code ImageFiles} cannot write (it uses the JDK only), written by
 * galerly-imaging's built-in encoders.
 *
 * <pre>{@code
 * byte[] webp = EncodedSamples.webp(SyntheticImages.quadrants(64, 48));
 * }</pre>
 */
public final class EncodedSamples {
    private EncodedSamples() {
    }

    /** A WebP (libwebp, quality 100) of the image. */
    public static byte[] webp(BufferedImage image) {
        return encode(ImageFormat.WEBP, image, 100);
    }

    /** The image written by galerly-imaging's built-in encoder of {@code format} at {@code quality}. */
    public static byte[] encode(ImageFormat format, BufferedImage image, int quality) {
        ImageEncoder encoder = GalerlyImaging.builtInEncoders().stream().filter(e -> e.format() == format)
                .findFirst().orElseThrow(() -> new IllegalArgumentException("no built-in encoder writes " + format));
        RenditionSpec spec = RenditionSpec.of(s -> s.name("sample").box(image.getWidth(), image.getHeight())
                .format(format).quality(quality));
        try {
            return encoder.encode(new EncodeRequest(image, spec, false, Map.of()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
