/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.testkit;

import com.galerly.core.ErrorCode;
import com.galerly.core.GalleryId;
import com.galerly.core.Lease;
import com.galerly.core.Photo;
import com.galerly.core.PhotoId;
import com.galerly.core.PhotoKey;
import com.galerly.core.PhotoStatus;
import com.galerly.core.photo.ClaimRequest;
import com.galerly.core.photo.ClaimResult;
import com.galerly.core.photo.Completion;
import com.galerly.core.photo.GalleryCounts;
import com.galerly.core.photo.PageRequest;
import com.galerly.core.photo.PhotoPage;
import com.galerly.core.photo.PhotoRepository;
import com.galerly.core.photo.PhotoTransitions;
import com.galerly.core.spi.ConditionalWrites;
import com.galerly.core.spi.PageTokens;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A thread-safe in-memory {@link PhotoRepository} applying exactly the rules of {@link PhotoTransitions}, as the
 * DynamoDB implementation does. Passes {@link PhotoRepositoryContract}.
 *
 * <pre>{@code
 * TestClock clock = TestClock.standard();
 * InMemoryPhotoRepository photos = new InMemoryPhotoRepository(clock);
 * photos.faults().failNext("complete", 1, Fault.TRANSIENT);    // simulate a crash before the record update
 * }</pre>
 */
public final class InMemoryPhotoRepository implements PhotoRepository {
    private final Map<GalleryId, NavigableMap<PhotoId, Photo>> galleries = new TreeMap<>();
    private final Map<GalleryId, GalleryCounts> counts = new TreeMap<>();
    private final Faults faults = new Faults();
    private final Clock clock;
    private final PageTokens tokens;

    public InMemoryPhotoRepository(Clock clock) {
        this(clock, PageTokens.random());
    }

    private InMemoryPhotoRepository(Clock clock, PageTokens tokens) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.tokens = tokens;
    }

    /** With a fixed page-token key, so that two instances accept each other's tokens. */
    public static InMemoryPhotoRepository withTokenKey(Clock clock, byte[] tokenKey) {
        return new InMemoryPhotoRepository(clock, new PageTokens(tokenKey));
    }

    /**
     * Fault injection; operations are {@code get, getAll, create, claim, complete, fail, release, list, delete,
     * counts}.
     * A fault is thrown before the record changes.
     */
    public Faults faults() {
        return faults;
    }

    @Override
    public synchronized Optional<Photo> get(PhotoKey key) {
        faults.check("get");
        return PhotoTransitions.visible(find(key));
    }

    @Override
    public synchronized List<Photo> getAll(Collection<PhotoKey> keys) {
        faults.check("getAll");
        List<Photo> found = new ArrayList<>();
        for (PhotoKey key : keys) {
            PhotoTransitions.visible(find(key)).ifPresent(found::add);
        }
        return found;
    }

    @Override
    public synchronized void create(Photo photo) {
        faults.check("create");
        ConditionalWrites.create(records, photo);
    }

    @Override
    public synchronized ClaimResult claim(ClaimRequest request) {
        faults.check("claim");
        return ConditionalWrites.claim(records, request, clock);
    }

    @Override
    public synchronized Photo complete(PhotoKey key, Lease lease, Completion completion) {
        faults.check("complete");
        return ConditionalWrites.complete(records, key, lease, completion, clock);
    }

    @Override
    public synchronized Photo fail(PhotoKey key, Lease lease, ErrorCode code, String message) {
        faults.check("fail");
        return ConditionalWrites.fail(records, key, lease, code, message, clock);
    }

    @Override
    public synchronized void release(PhotoKey key, Lease lease) {
        faults.check("release");
        ConditionalWrites.release(records, key, lease, clock);
    }

    @Override
    public synchronized PhotoPage list(GalleryId gallery, PageRequest page) {
        faults.check("list");
        NavigableMap<PhotoId, Photo> photos = galleries.getOrDefault(gallery, new TreeMap<>());
        if (page.token() != null) {
            photos = photos.tailMap(PhotoId.of(tokens.decode(gallery, page.token())), false);
        }
        List<Photo> items = new ArrayList<>(Math.min(page.limit(), photos.size()));
        boolean more = false;
        for (Photo p : photos.values()) {
            if (expired(p) || !PhotoTransitions.visible(p)) {
                continue;   // tombstones, and uploads that did not come in time (swept or not), are never listed
            }
            if (items.size() == page.limit()) {
                more = true;
                break;
            }
            items.add(p);
        }
        String next = more ? tokens.encode(gallery, items.get(items.size() - 1).id().value()) : null;
        return new PhotoPage(items, next);
    }

    @Override
    public synchronized boolean delete(PhotoKey key) {
        faults.check("delete");
        return ConditionalWrites.delete(records, key, clock);
    }

    /** Kept under the same lock as the records, so each write changes the counts by its difference exactly once. */
    @Override
    public synchronized GalleryCounts counts(GalleryId gallery) {
        faults.check("counts");
        return counts.getOrDefault(gallery, GalleryCounts.empty(gallery));
    }

    /**
     * Removes PENDING records and tombstones whose {@link Photo#expiresAt()} has passed, as DynamoDB's TTL sweep
     * eventually does; returns how many.
     */
    public synchronized int purgeExpired() {
        int[] purged = {0};
        galleries.values().forEach(photos -> photos.values().removeIf(p -> {
            boolean expired = expired(p);
            purged[0] += expired ? 1 : 0;
            return expired;
        }));
        return purged[0];
    }

    /** A PENDING record or a tombstone whose expiry is now or past. */
    private boolean expired(Photo p) {
        return (p.status() == PhotoStatus.PENDING || p.status() == PhotoStatus.DELETED) && p.expiresAt() != null
                && !p.expiresAt().isAfter(clock.instant());
    }

    /** Every record, tombstones included, gallery by gallery in id order (not subject to faults). */
    public synchronized List<Photo> all() {
        List<Photo> all = new ArrayList<>();
        galleries.values().forEach(photos -> all.addAll(photos.values()));
        return all;
    }

    /**
     * The records as {@link ConditionalWrites} reads and writes them, the loop the DynamoDB and JDBC repositories run;
     * under this repository's lock no other writer comes between a read and its write, yet the write compares
     * versions as theirs do.
     */
    private final ConditionalWrites.Records<RuntimeException> records = new ConditionalWrites.Records<>() {
        @Override
        public Optional<Photo> read(PhotoKey key) {
            return find(key);
        }

        @Override
        public boolean write(Photo next, Optional<Photo> current) {
            if (!find(next.key()).map(Photo::version).equals(current.map(Photo::version))) {
                return false;
            }
            store(next);
            return true;
        }
    };

    private Optional<Photo> find(PhotoKey key) {
        NavigableMap<PhotoId, Photo> photos = galleries.get(key.gallery());
        return photos == null ? Optional.empty() : Optional.ofNullable(photos.get(key.id()));
    }

    private Photo store(Photo photo) {
        Photo previous = galleries.computeIfAbsent(photo.gallery(), g -> new TreeMap<>()).put(photo.id(), photo);
        GalleryCounts was = previous == null ? GalleryCounts.empty(photo.gallery()) : GalleryCounts.of(previous);
        GalleryCounts now = GalleryCounts.of(photo);
        if (!was.equals(now)) {
            counts.put(photo.gallery(), counts(photo.gallery(), now.photos() - was.photos(), now.bytes() - was.bytes()));
        }
        return photo;
    }

    private GalleryCounts counts(GalleryId gallery, long photos, long bytes) {
        return counts.getOrDefault(gallery, GalleryCounts.empty(gallery)).plus(photos, bytes);
    }
}
