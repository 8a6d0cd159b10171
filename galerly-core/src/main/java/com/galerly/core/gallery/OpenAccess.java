/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.core.gallery;

import com.galerly.core.GalleryId;
import com.galerly.core.Photo;

/** Lets everyone do everything; galleries are all private or all public. */
record OpenAccess(boolean allPrivate) implements AccessPolicy {
    @Override
    public boolean canView(String caller, GalleryId gallery) {
        return true;
    }

    @Override
    public boolean canUpload(String caller, GalleryId gallery) {
        return true;
    }

    @Override
    public boolean canDelete(String caller, GalleryId gallery, Photo photo) {
        return true;
    }

    @Override
    public boolean isPrivate(GalleryId gallery) {
        return allPrivate;
    }
}
