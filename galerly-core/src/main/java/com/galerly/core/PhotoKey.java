/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.core;

import com.galerly.core.spi.Checks;

/**
 * The identity of a photo: its gallery and its id.
 *
 * @param gallery the gallery
 * @param id      the photo id
 */
public record PhotoKey(GalleryId gallery, PhotoId id) {
    public PhotoKey {
        Checks.notNull(gallery, "gallery");
        Checks.notNull(id, "id");
    }

    public static PhotoKey of(GalleryId gallery, PhotoId id) {
        return new PhotoKey(gallery, id);
    }

    @Override
    public String toString() {
        return gallery + "/" + id;
    }
}
