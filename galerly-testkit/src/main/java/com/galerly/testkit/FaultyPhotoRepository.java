/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.testkit;

import com.galerly.core.ErrorCode;
import com.galerly.core.GalleryId;
import com.galerly.core.Lease;
import com.galerly.core.Photo;
import com.galerly.core.PhotoKey;
import com.galerly.core.photo.ClaimRequest;
import com.galerly.core.photo.ClaimResult;
import com.galerly.core.photo.Completion;
import com.galerly.core.photo.GalleryCounts;
import com.galerly.core.photo.PageRequest;
import com.galerly.core.photo.PhotoPage;
import com.galerly.core.photo.PhotoRepository;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Any {@link PhotoRepository} with {@link Faults} injected before each call, for stores whose client has no
 * interceptor of its own (JDBC, a user's implementation). Operations are named after the port's methods
 * ({@code "claim"}, {@code "complete"}, ...), as in {@link InMemoryPhotoRepository}. A fault is thrown before
 * the call reaches the store, so the store's state shows the call never happened.
 *
 * <pre>{@code
 * FaultyPhotoRepository photos = FaultyPhotoRepository.wrap(JdbcPhotoRepository.builder()...build());
 * photos.faults().failRandomly(0.1, Fault.THROTTLED, seed);
 * }</pre>
 */
public final class FaultyPhotoRepository implements PhotoRepository {
    private final PhotoRepository delegate;
    private final Faults faults;

    private FaultyPhotoRepository(PhotoRepository delegate, Faults faults) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.faults = Objects.requireNonNull(faults, "faults");
    }

    /** {@code delegate} behind a new, empty set of faults. */
    public static FaultyPhotoRepository wrap(PhotoRepository delegate) {
        return new FaultyPhotoRepository(delegate, new Faults());
    }

    /** {@code delegate} behind {@code faults}, which may be shared with other fakes. */
    public static FaultyPhotoRepository wrap(PhotoRepository delegate, Faults faults) {
        return new FaultyPhotoRepository(delegate, faults);
    }

    public Faults faults() {
        return faults;
    }

    @Override
    public Optional<Photo> get(PhotoKey key) {
        faults.check("get");
        return delegate.get(key);
    }

    @Override
    public List<Photo> getAll(Collection<PhotoKey> keys) {
        faults.check("getAll");
        return delegate.getAll(keys);
    }

    @Override
    public void create(Photo photo) {
        faults.check("create");
        delegate.create(photo);
    }

    @Override
    public ClaimResult claim(ClaimRequest request) {
        faults.check("claim");
        return delegate.claim(request);
    }

    @Override
    public Photo complete(PhotoKey key, Lease lease, Completion completion) {
        faults.check("complete");
        return delegate.complete(key, lease, completion);
    }

    @Override
    public Photo fail(PhotoKey key, Lease lease, ErrorCode code, String message) {
        faults.check("fail");
        return delegate.fail(key, lease, code, message);
    }

    @Override
    public void release(PhotoKey key, Lease lease) {
        faults.check("release");
        delegate.release(key, lease);
    }

    @Override
    public PhotoPage list(GalleryId gallery, PageRequest page) {
        faults.check("list");
        return delegate.list(gallery, page);
    }

    @Override
    public boolean delete(PhotoKey key) {
        faults.check("delete");
        return delegate.delete(key);
    }

    @Override
    public GalleryCounts counts(GalleryId gallery) {
        faults.check("counts");
        return delegate.counts(gallery);
    }

    @Override
    public String toString() {
        return "FaultyPhotoRepository[" + delegate + "]";
    }
}
