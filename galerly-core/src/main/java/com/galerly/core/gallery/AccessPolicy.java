/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.core.gallery;

import com.galerly.core.GalleryId;
import com.galerly.core.Photo;

/**
 * Decides who may do what in {@link GalleryService}, and which galleries are private (their URLs are signed).
 * The caller is whatever identity your application authenticated (a user id), or null when anonymous.
 *
 * <pre>{@code
 * AccessPolicy policy = new AccessPolicy() {
 *     public boolean canView(String caller, GalleryId gallery) { return sharing.canSee(caller, gallery); }
 *     public boolean canUpload(String caller, GalleryId gallery) { return owners.owns(caller, gallery); }
 *     public boolean canDelete(String caller, GalleryId gallery, Photo photo) {
 *         return owners.owns(caller, gallery) || (photo != null && caller != null && caller.equals(photo.owner()));
 *     }
 *     public boolean isPrivate(GalleryId gallery) { return !publicGalleries.contains(gallery); }
 * };
 * }</pre>
 */
public interface AccessPolicy {
    boolean canView(String caller, GalleryId gallery);

    boolean canUpload(String caller, GalleryId gallery);

    /** Whether the caller may delete {@code photo} (null when deleting a whole gallery). */
    boolean canDelete(String caller, GalleryId gallery, Photo photo);

    /** Whether the gallery's URLs must be signed. */
    boolean isPrivate(GalleryId gallery);

    /** Everyone may do everything; every gallery is public. For tests and single-tenant tools only. */
    static AccessPolicy allowAll() {
        return new OpenAccess(false);
    }

    /** Like {@link #allowAll()} but every gallery is private, so every URL is signed. */
    static AccessPolicy allowAllPrivate() {
        return new OpenAccess(true);
    }
}
