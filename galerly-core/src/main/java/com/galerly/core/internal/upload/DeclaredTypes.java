/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.core.internal.upload;

import com.galerly.core.image.ImageFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Which sniffed format each declared image content type stands for. */
public final class DeclaredTypes {
    private static final Map<String, Set<ImageFormat>> FORMATS = Map.ofEntries(
            Map.entry("image/jpeg", Set.of(ImageFormat.JPEG)),
            Map.entry("image/png", Set.of(ImageFormat.PNG)),
            Map.entry("image/webp", Set.of(ImageFormat.WEBP)),
            Map.entry("image/gif", Set.of(ImageFormat.GIF)),
            Map.entry("image/bmp", Set.of(ImageFormat.BMP)),
            Map.entry("image/tiff", Set.of(ImageFormat.TIFF)),
            Map.entry("image/heic", Set.of(ImageFormat.HEIF)),
            Map.entry("image/heif", Set.of(ImageFormat.HEIF)),
            Map.entry("image/avif", Set.of(ImageFormat.AVIF)),
            // TIFF-based RAW files (NEF, ARW, DNG...) sniff as TIFF; the RAW plugin refines that
            Map.entry("image/x-raw", Set.of(ImageFormat.RAW, ImageFormat.TIFF)),
            Map.entry("image/x-adobe-dng", Set.of(ImageFormat.RAW, ImageFormat.TIFF)),
            Map.entry("image/x-canon-cr2", Set.of(ImageFormat.RAW, ImageFormat.TIFF)),
            Map.entry("image/x-canon-cr3", Set.of(ImageFormat.RAW)),
            Map.entry("image/x-nikon-nef", Set.of(ImageFormat.RAW, ImageFormat.TIFF)),
            Map.entry("image/x-sony-arw", Set.of(ImageFormat.RAW, ImageFormat.TIFF)),
            Map.entry("image/x-olympus-orf", Set.of(ImageFormat.RAW, ImageFormat.TIFF)),
            Map.entry("image/x-fuji-raf", Set.of(ImageFormat.RAW)),
            Map.entry("image/x-panasonic-rw2", Set.of(ImageFormat.RAW, ImageFormat.TIFF)));

    /** Every declared type the trust path can check against the content. */
    public static final Set<String> IMAGE_TYPES = FORMATS.keySet();

    private DeclaredTypes() {
    }

    /** The type without parameters, trimmed, lower case; "" for null. */
    public static String base(String contentType) {
        if (contentType == null) {
            return "";
        }
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    }

    /** Whether content of {@code format} may be stored as {@code declared}. */
    public static boolean matches(String declared, ImageFormat format) {
        return FORMATS.getOrDefault(base(declared), Set.of()).contains(format);
    }
}
