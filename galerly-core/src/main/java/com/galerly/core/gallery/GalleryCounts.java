/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.core.gallery;

import com.galerly.core.GalleryId;
import com.galerly.core.spi.Checks;

/**
 * A gallery's photo count and stored bytes, readable in one call. Kept exact by the repository: each record
 * carries the contribution it has applied ({@code 1} photo and its original's plus renditions' bytes while ACTIVE,
 * nothing otherwise), and every transition that changes a contribution applies the difference to the gallery's
 * counter in the same conditional write as the record's own change, so a duplicated, reordered or failed delivery or
 * delete changes the counts once or not at all. See {@code docs/lifecycle.md}.
 *
 * @param gallery the gallery
 * @param photos  ACTIVE photos
 * @param bytes   bytes stored for them: originals and every rendition
 */
public record GalleryCounts(GalleryId gallery, long photos, long bytes) {
    public GalleryCounts {
        Checks.notNull(gallery, "gallery");
        Checks.notNegative(photos, "photos");
        Checks.notNegative(bytes, "bytes");
    }

    /** A gallery with nothing counted yet. */
    public static GalleryCounts empty(GalleryId gallery) {
        return new GalleryCounts(gallery, 0, 0);
    }
}
