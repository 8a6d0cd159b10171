/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.core.gallery;

import com.galerly.core.spi.Checks;
import java.util.List;
import java.util.Optional;

/**
 * One page of a gallery as a client sees it.
 *
 * @param photos    photos with their URLs, oldest upload first
 * @param nextToken the token of the next page (opaque, bound to the gallery), or null on the last page
 */
public record GalleryPage(List<PhotoView> photos, String nextToken) {
    public GalleryPage {
        photos = List.copyOf(Checks.notNull(photos, "photos"));
    }

    public Optional<String> next() {
        return Optional.ofNullable(nextToken);
    }
}
