/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.examples.lambda;

import com.galerly.core.GalleryId;
import com.galerly.core.Photo;
import com.galerly.core.gallery.AccessPolicy;

/**
 * The example's access rules: every gallery is private (signed URLs); signed-in users may view any gallery;
 * a user owns the gallery whose id is their user id, may upload to it and delete anything in it, and may
 * delete the photos they uploaded elsewhere. Replace it with your application's own sharing model.
 */
public final class OwnerAccess implements AccessPolicy {
    @Override
    public boolean canView(String caller, GalleryId gallery) {
        return caller != null;
    }

    @Override
    public boolean canUpload(String caller, GalleryId gallery) {
        return caller != null && caller.equals(gallery.value());
    }

    @Override
    public boolean canDelete(String caller, GalleryId gallery, Photo photo) {
        return caller != null && (caller.equals(gallery.value()) || (photo != null && caller.equals(photo.owner())));
    }

    @Override
    public boolean isPrivate(GalleryId gallery) {
        return true;
    }
}
