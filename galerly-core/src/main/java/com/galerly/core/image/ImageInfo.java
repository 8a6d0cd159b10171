/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.core.image;

import com.galerly.core.spi.Checks;
import java.util.Map;

/**
 * What the header of an image says, read before any pixel is decoded.
 *
 * @param format        the sniffed format
 * @param width         stored pixel width (before orientation)
 * @param height        stored pixel height (before orientation)
 * @param orientation   EXIF orientation 1..8 (1 when absent)
 * @param colorModel    colour model as stored: {@code RGB}, {@code GRAY}, {@code CMYK}, {@code YCCK}, {@code PALETTE}...
 * @param bitsPerSample bits per sample (8, 16...)
 * @param hasAlpha      whether it carries transparency
 * @param colorProfileName the name of the image's colour space as the file states it: the description of its
 *                      embedded ICC profile ({@code Display P3}, {@code Adobe RGB (1998)}), or for HEIF/AVIF an nclx
 *                      colour description ({@code nclx Display P3}); null when the file states none (sRGB assumed)
 * @param metadata      selected readable metadata (EXIF make, model, date...), never GPS; may be empty
 */
public record ImageInfo(ImageFormat format, int width, int height, int orientation, String colorModel,
                        int bitsPerSample, boolean hasAlpha, String colorProfileName, Map<String, String> metadata) {
    public ImageInfo {
        Checks.notNull(format, "format");
        Checks.positive(width, "width");
        Checks.positive(height, "height");
        Checks.inRange(orientation, 1, 8, "orientation");
        Checks.notBlank(colorModel, "colorModel");
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }

    /** Stored size, before orientation. */
    public Size size() {
        return new Size(width, height);
    }

    /** Whether applying the orientation swaps width and height (orientations 5 to 8). */
    public boolean transposed() {
        return orientation >= 5;
    }

    /** The size as displayed, after orientation. */
    public Size orientedSize() {
        return transposed() ? size().transposed() : size();
    }

    /** Width times height, in millions. */
    public double megapixels() {
        return (double) width * height / 1_000_000d;
    }
}
