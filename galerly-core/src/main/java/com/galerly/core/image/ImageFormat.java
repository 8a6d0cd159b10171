/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.core.image;

import java.util.Locale;
import java.util.Optional;

/** Image formats Galerly knows by name; which ones it can read or write depends on the installed plugins. */
public enum ImageFormat {
    JPEG("image/jpeg", "jpg"),
    PNG("image/png", "png"),
    WEBP("image/webp", "webp"),
    GIF("image/gif", "gif"),
    BMP("image/bmp", "bmp"),
    TIFF("image/tiff", "tif"),
    HEIF("image/heic", "heic"),
    AVIF("image/avif", "avif"),
    /** A camera RAW file (CR2, CR3, NEF, ARW, DNG, ORF, RAF, RW2...), rendered from its embedded preview. */
    RAW("image/x-raw", "raw");

    private final String contentType;
    private final String extension;

    ImageFormat(String contentType, String extension) {
        this.contentType = contentType;
        this.extension = extension;
    }

    /** The MIME type a rendition or original of this format is served with. */
    public String contentType() {
        return contentType;
    }

    /** The extension used in keys and file names. */
    public String extension() {
        return extension;
    }

    /** The lower-case name used in manifests and the CLI ({@code jpeg}, {@code webp}, ...). */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Reads {@link #id()} or the enum name, case-insensitively. */
    public static Optional<ImageFormat> fromId(String id) {
        if (id == null) {
            return Optional.empty();
        }
        String upper = id.trim().toUpperCase(Locale.ROOT);
        if (upper.equals("JPG")) {
            return Optional.of(JPEG);
        }
        for (ImageFormat f : values()) {
            if (f.name().equals(upper)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
