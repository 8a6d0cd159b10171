/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.core.photo;

import com.galerly.core.GalleryId;
import com.galerly.core.Photo;
import com.galerly.core.PhotoStatus;
import com.galerly.core.Rendition;
import com.galerly.core.spi.Checks;

/**
 * A gallery's photo count and stored bytes, read in one request ({@link PhotoRepository#counts}). Counted are the
 * ACTIVE photos (the ones a gallery shows with renditions) and, for each, the bytes its record names: the original's
 * {@link Photo#size()} plus every recorded {@link Rendition#bytes()} ({@link #storedBytes(Photo)}). A photo being
 * re-rendered (PROCESSING after a replace, a re-profile or a repair), FAILED, REJECTED, PENDING or deleted counts
 * nothing; older object versions on a versioned bucket and objects no record names (see the reconciler) are not
 * counted either.
 *
 * <p>The repositories keep the counts exact under duplicated, reordered and failed deliveries and deletes: every
 * record write that changes what the record counts applies the difference once, and a write that does not happen
 * applies nothing (how each store does it: {@code docs/lifecycle.md}).
 *
 * <pre>{@code
 * GalleryCounts counts = photos.counts(GalleryId.of("smith-wedding"));
 * System.out.println(counts.photos() + " photos, " + counts.bytes() + " bytes");
 * }</pre>
 *
 * @param gallery the gallery
 * @param photos  ACTIVE photos
 * @param bytes   bytes their records name: originals and every rendition
 */
public record GalleryCounts(GalleryId gallery, long photos, long bytes) {
    public GalleryCounts {
        Checks.notNull(gallery, "gallery");
        Checks.notNegative(photos, "photos");
        Checks.notNegative(bytes, "bytes");
    }

    /** A gallery with nothing counted. */
    public static GalleryCounts empty(GalleryId gallery) {
        return new GalleryCounts(gallery, 0, 0);
    }

    /** What {@code photo}'s record adds to its gallery's counts: itself and its bytes when ACTIVE, else nothing. */
    public static GalleryCounts of(Photo photo) {
        return counted(photo) ? new GalleryCounts(photo.gallery(), 1, storedBytes(photo)) : empty(photo.gallery());
    }

    /** Whether the record counts: it is ACTIVE. */
    public static boolean counted(Photo photo) {
        return photo.status() == PhotoStatus.ACTIVE;
    }

    /** The bytes a record names: the original's size plus every recorded rendition's. */
    public static long storedBytes(Photo photo) {
        long bytes = photo.size();
        for (Rendition r : photo.renditions().values()) {
            bytes += r.bytes();
        }
        return bytes;
    }

    /** These counts with {@code photos} and {@code bytes} added (negative to subtract). */
    public GalleryCounts plus(long photos, long bytes) {
        return new GalleryCounts(gallery, this.photos + photos, this.bytes + bytes);
    }
}
