/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.core.photo;

import com.galerly.core.ErrorCode;
import com.galerly.core.GalleryId;
import com.galerly.core.Lease;
import com.galerly.core.Photo;
import com.galerly.core.PhotoKey;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The photo records: DynamoDB in production ({@code galerly-aws}), an in-memory fake in tests
 * ({@code galerly-testkit}). Every status change is a conditional write following {@link PhotoTransitions};
 * both implementations pass {@code PhotoRepositoryContract}.
 *
 * <pre>{@code
 * repository.create(pendingPhoto);                         // CONFLICT if it exists
 * ClaimResult claim = repository.claim(request);
 * if (claim.claimed()) {
 *     repository.complete(key, claim.lease().orElseThrow(), completion);
 * }
 * PhotoPage page = repository.list(gallery, PageRequest.first(50));
 * PhotoPage next = repository.list(gallery, PageRequest.first(50).next(page.nextToken()));
 * GalleryCounts counts = repository.counts(gallery);                  // ACTIVE photos and their bytes
 * }</pre>
 */
public interface PhotoRepository {
    Optional<Photo> get(PhotoKey key);

    /** The records that exist among {@code keys}, in the order of {@code keys}. */
    List<Photo> getAll(Collection<PhotoKey> keys);

    /** Creates a record (usually PENDING, with an expiry); CONFLICT if one exists. */
    void create(Photo photo);

    /** Claims the photo for processing one upload of its original; see {@link PhotoTransitions#claim}. */
    ClaimResult claim(ClaimRequest request);

    /** Marks the photo ACTIVE; only the lease holder may. CONFLICT if the lease was lost. */
    Photo complete(PhotoKey key, Lease lease, Completion completion);

    /** Marks the photo FAILED with a permanent error; only the lease holder may. CONFLICT if the lease was lost. */
    Photo fail(PhotoKey key, Lease lease, ErrorCode code, String message);

    /** Gives the photo back after a transient error so a retry can claim it at once; a no-op if the lease was lost. */
    void release(PhotoKey key, Lease lease);

    /**
     * A page of a gallery, oldest upload first. The token is opaque and bound to the gallery: a token of
     * another gallery, or a tampered one, is refused with INVALID_ARGUMENT. A PENDING record whose
     * {@link Photo#expiresAt()} is now or past is never listed (whether or not storage has deleted it yet), and
     * every page but the last is full.
     */
    PhotoPage list(GalleryId gallery, PageRequest page);

    /** Deletes the record; true if it existed. */
    boolean delete(PhotoKey key);

    /**
     * The gallery's ACTIVE photos and the bytes their records name ({@link GalleryCounts}), in one request (one
     * GetItem, one SELECT). Exact: every write above that changes what a record counts applies the difference once,
     * whether its call is duplicated, reordered or fails; a gallery with no record counts nothing.
     */
    GalleryCounts counts(GalleryId gallery);
}
