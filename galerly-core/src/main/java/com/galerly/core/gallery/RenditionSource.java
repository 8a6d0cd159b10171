/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.core.gallery;

import com.galerly.core.spi.Checks;

/**
 * One rendition of a photo as a front end needs it for {@code <picture>}/{@code srcset}: its URL (signed when
 * the gallery is private and URLs are signed), its pixel size and its format.
 *
 * <pre>{@code
 * for (RenditionSource s : view.sources()) {
 *     // <source type="image/webp" srcset="https://cdn/.../p_small-webp.webp 800w, ...">
 *     html.append(s.url()).append(' ').append(s.width()).append("w");
 * }
 * }</pre>
 *
 * @param name        the rendition's name in the profile ({@code small}, {@code small-webp} ...)
 * @param width       width in pixels
 * @param height      height in pixels
 * @param contentType {@code image/jpeg}, {@code image/webp} ...
 * @param url         where the browser fetches it
 */
public record RenditionSource(String name, int width, int height, String contentType, String url) {
    public RenditionSource {
        Checks.notBlank(name, "name");
        Checks.positive(width, "width");
        Checks.positive(height, "height");
        Checks.notBlank(contentType, "contentType");
        Checks.notBlank(url, "url");
    }

    /** The format's short name: the content type's subtype ({@code jpeg}, {@code webp}). */
    public String format() {
        return contentType.substring(contentType.indexOf('/') + 1);
    }

    /** A {@code srcset} candidate: {@code "URL 800w"}. */
    public String srcsetCandidate() {
        return url + " " + width + "w";
    }
}
