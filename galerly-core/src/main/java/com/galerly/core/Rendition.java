/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.core;

import com.galerly.core.spi.Checks;

/**
 * A stored rendition of a photo, as recorded once it is written.
 *
 * @param name        the spec name ({@code thumbnail}, {@code small}, ...)
 * @param key         the storage key
 * @param width       pixel width
 * @param height      pixel height
 * @param bytes       stored size in bytes
 * @param contentType the MIME type served
 */
public record Rendition(String name, String key, int width, int height, long bytes, String contentType) {
    public Rendition {
        Checks.notBlank(name, "name");
        Checks.notBlank(key, "key");
        Checks.positive(width, "width");
        Checks.positive(height, "height");
        Checks.notNegative(bytes, "bytes");
        Checks.notBlank(contentType, "contentType");
    }
}
