/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.imaging;

import com.galerly.core.image.Size;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.util.Objects;
import java.util.Optional;

/**
 * Pixels as a decoder produced them, before orientation and colour normalisation. Any
 * {@link BufferedImage} layout is accepted (8 or 16 bits, palette, grey, alpha, an ICC colour space); the
 * engine converts it to 8-bit sRGB.
 *
 * <pre>{@code
 * BufferedImage pixels = reader.read(0, param);
 * return new DecodedImage(pixels, header.size(), embeddedProfile);   // profile: null when pixels carry it
 * }</pre>
 *
 * @param pixels     the decoded pixels, possibly at a reduced scale
 * @param storedSize the full stored size from the header (the pixels may be smaller when decoded reduced)
 * @param profile    an ICC profile the pixels are encoded in although their colour model says sRGB (a decoder
 *                   that does not apply embedded profiles itself reports it here), or null
 */
public record DecodedImage(BufferedImage pixels, Size storedSize, ICC_Profile profile) {
    public DecodedImage {
        Objects.requireNonNull(pixels, "pixels");
        Objects.requireNonNull(storedSize, "storedSize");
    }

    public Optional<ICC_Profile> embeddedProfile() {
        return Optional.ofNullable(profile);
    }
}
