/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.core.reconcile;

import com.galerly.core.GalerlyException;
import com.galerly.core.GalleryId;
import com.galerly.core.KeyLayout;
import com.galerly.core.Photo;
import com.galerly.core.PhotoId;
import com.galerly.core.PhotoKey;
import com.galerly.core.PhotoStatus;
import com.galerly.core.Rendition;
import com.galerly.core.spi.Checks;
import com.galerly.core.photo.PageRequest;
import com.galerly.core.photo.PhotoPage;
import com.galerly.core.photo.PhotoRepository;
import com.galerly.core.storage.BlobMetadata;
import com.galerly.core.storage.BlobStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Compares the bucket with the records and reports, or repairs, what disagrees: renditions no record references,
 * originals without a record, records whose renditions are missing, PENDING records past their expiry, PROCESSING
 * records whose worker's lease expired, and records rendered by another profile ({@link FindingKind}).
 *
 * <p>The bucket side comes from an S3 Inventory report ({@code galerly-aws}'s {@code S3Inventory}), so a bucket
 * of millions is never listed, or from a listing of one gallery's prefixes. The records of each gallery in it are
 * read page by page ({@link PageRequest#MAX_LIMIT} a request); the records of originals no listed record names are
 * asked for by key (one {@code getAll} per gallery that has any), since listings hide PENDING records past their
 * expiry: such a record whose original arrived lost its event. (One whose upload never came is left to the storage
 * TTL: nothing shows it.) Every orphan and missing rendition is then confirmed live with a HEAD before it is
 * reported, so a stale inventory row that was fixed meanwhile is not reported, and a second repair on the same
 * inventory changes nothing. An unreferenced object younger than the {@linkplain Builder#grace grace period} is not an orphan (its
 * worker may be about to record it), nor is any object of a photo still PROCESSING under a live lease.
 *
 * <pre>{@code
 * Reconciler reconciler = Reconciler.builder()
 *     .blobs(blobStore).photos(photoRepository).layout(KeyLayout.standard()).clock(clock)
 *     .profileFingerprint(profile.fingerprint())
 *     .rerender(pipeline.rerender("my-bucket"))
 *     .build();
 * ReconcileReport report = reconciler.check(S3Inventory.read(manifest).objects());
 * ReconcileReport fixed = reconciler.repair(GalleryId.of("smith-wedding"));
 * }</pre>
 *
 * <p>Repairs: orphans are deleted (one batched delete per gallery), a PENDING record whose original never came is
 * deleted, an expired lease is released, and everything that needs pixels goes to the {@link Rerender} once per
 * photo. A repair that fails is reported in {@link ReconcileReport#unrepaired()} and the others go on.
 */
public final class Reconciler {
    private final BlobStore blobs;
    private final PhotoRepository photos;
    private final KeyLayout layout;
    private final Clock clock;
    private final Duration grace;
    private final String profileFingerprint;
    private final Rerender rerender;

    private Reconciler(Builder b) {
        this.blobs = b.blobs;
        this.photos = b.photos;
        this.layout = b.layout;
        this.clock = b.clock;
        this.grace = b.grace;
        this.profileFingerprint = b.profileFingerprint;
        this.rerender = b.rerender;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Reports what disagrees in one gallery, listing its two prefixes. Changes nothing. */
    public ReconcileReport check(GalleryId gallery) {
        return run(listing(gallery), false);
    }

    /** Reports what disagrees in every gallery the objects name (an inventory's rows). Changes nothing. */
    public ReconcileReport check(Iterable<StoredObject> objects) {
        return run(grouped(objects), false);
    }

    /** Reports and repairs one gallery, listing its two prefixes. */
    public ReconcileReport repair(GalleryId gallery) {
        return run(listing(gallery), true);
    }

    /** Reports and repairs every gallery the objects name (an inventory's rows). */
    public ReconcileReport repair(Iterable<StoredObject> objects) {
        return run(grouped(objects), true);
    }

    /** One gallery's objects, from a listing of its two prefixes (the gallery is compared even with none). */
    private Listing listing(GalleryId gallery) {
        Map<String, StoredObject> objects = new HashMap<>();
        for (String prefix : List.of(layout.renditionsPrefix(gallery), layout.originalsPrefix(gallery),
                layout.incomingPrefix() + gallery.value() + "/")) {
            blobs.list(prefix).forEach(k -> objects.put(k, StoredObject.listed(k)));
        }
        Map<GalleryId, Map<String, StoredObject>> byGallery = new TreeMap<>(BY_VALUE);
        byGallery.put(gallery, objects);
        return new Listing(byGallery, objects.size());
    }

    /** Objects grouped by the gallery their key names; keys outside the layout's prefixes are counted, not kept. */
    private Listing grouped(Iterable<StoredObject> objects) {
        Map<GalleryId, Map<String, StoredObject>> byGallery = new TreeMap<>(BY_VALUE);
        long read = 0;
        for (StoredObject o : objects) {
            read++;
            galleryOf(o.key()).ifPresent(g -> byGallery.computeIfAbsent(g, x -> new HashMap<>()).put(o.key(), o));
        }
        return new Listing(byGallery, read);
    }

    private static final java.util.Comparator<GalleryId> BY_VALUE = java.util.Comparator.comparing(GalleryId::value);

    private record Listing(Map<GalleryId, Map<String, StoredObject>> byGallery, long read) {
    }

    private ReconcileReport run(Listing objects, boolean repair) {
        List<Finding> findings = new ArrayList<>();
        List<Finding> repaired = new ArrayList<>();
        List<Finding> unrepaired = new ArrayList<>();
        long records = 0;
        for (Map.Entry<GalleryId, Map<String, StoredObject>> e : objects.byGallery().entrySet()) {
            GalleryRun gallery = new GalleryRun(e.getKey(), e.getValue());
            records += gallery.records.size();
            List<Finding> found = gallery.find();
            findings.addAll(found);
            if (repair && !found.isEmpty()) {
                gallery.repair(found, repaired, unrepaired);
            }
        }
        return new ReconcileReport(objects.byGallery().size(), objects.read(), records, findings, repaired, unrepaired);
    }

    /** The gallery a key of the layout belongs to: under the renditions or originals prefix, then up to a '/'. */
    private Optional<GalleryId> galleryOf(String key) {
        for (String prefix : List.of(layout.renditionsPrefix(), layout.originalsPrefix(), layout.incomingPrefix())) {
            if (key.startsWith(prefix)) {
                int slash = key.indexOf('/', prefix.length());
                if (slash > prefix.length()) {
                    try {
                        return Optional.of(GalleryId.of(key.substring(prefix.length(), slash)));
                    } catch (GalerlyException notAGallery) {
                        return Optional.empty();
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** One gallery's comparison: its objects, its records, what is wrong, and the repairs. */
    private final class GalleryRun {
        private final GalleryId gallery;
        private final Map<String, StoredObject> objects;
        private final Map<PhotoId, Photo> records = new LinkedHashMap<>();
        /** PENDING records past expiry whose original is in the bucket: their event was lost. */
        private final Set<PhotoKey> arrived = new HashSet<>();
        private final Instant now = clock.instant();

        GalleryRun(GalleryId gallery, Map<String, StoredObject> objects) {
            this.gallery = gallery;
            this.objects = objects;
            PageRequest page = PageRequest.first(PageRequest.MAX_LIMIT);
            while (true) {
                PhotoPage p = photos.list(gallery, page);
                p.photos().forEach(photo -> records.put(photo.id(), photo));
                if (p.next().isEmpty()) {
                    break;
                }
                page = page.next(p.nextToken());
            }
        }

        List<Finding> find() {
            Set<String> referenced = new HashSet<>();
            records.values().forEach(p -> p.renditions().values().forEach(r -> referenced.add(r.key())));
            List<Finding> found = new ArrayList<>();
            Map<PhotoKey, String> unlistedOriginals = new LinkedHashMap<>();
            for (String key : new java.util.TreeSet<>(objects.keySet())) {
                if (key.startsWith(layout.renditionsPrefix(gallery)) && !referenced.contains(key)) {
                    photoOfRendition(key).filter(id -> !inFlight(id))
                            .flatMap(id -> confirmedOrphan(key, FindingKind.ORPHAN_RENDITION, id, "no record references it"))
                            .ifPresent(found::add);
                } else if (key.startsWith(layout.originalsPrefix(gallery))) {
                    layout.parseOriginal(key).filter(o -> !records.containsKey(o.photo()))
                            .ifPresent(o -> unlistedOriginals.put(new PhotoKey(gallery, o.photo()), key));
                } else if (layout.isIncoming(key)) {
                    layout.parseIncoming(key).filter(o -> !records.containsKey(o.photo()))
                            .ifPresent(o -> unlistedOriginals.putIfAbsent(new PhotoKey(gallery, o.photo()), key));
                }
            }
            if (!unlistedOriginals.isEmpty()) {
                // listings hide PENDING records past their expiry: ask for these photos' records by key (one request)
                Map<PhotoKey, Photo> unlisted = new HashMap<>();
                photos.getAll(unlistedOriginals.keySet()).forEach(p -> unlisted.put(p.key(), p));
                unlistedOriginals.forEach((photo, key) -> {
                    Photo record = unlisted.get(photo);
                    if (record == null) {
                        confirmedOrphan(key, FindingKind.ORPHAN_ORIGINAL, photo.id(), layout.isIncoming(key)
                                ? "an upload in quarantine whose photo has no record" : "its photo has no record")
                                .ifPresent(found::add);
                    } else if (expiredPending(record)) {
                        records.put(record.id(), record);
                    }
                });
            }
            for (Photo p : records.values()) {
                switch (p.status()) {
                    case PENDING -> {
                        if (expiredPending(p)) {
                            boolean came = objects.containsKey(p.originalKey()) || layout.parseOriginal(p.originalKey())
                                    .map(o -> objects.containsKey(layout.incomingKey(o.gallery(), o.photo(), o.extension())))
                                    .orElse(false);
                            if (came) {
                                arrived.add(p.key());
                            }
                            found.add(new Finding(FindingKind.EXPIRED_PENDING, p.key(), p.originalKey(), came
                                    ? "expired at " + p.expiresAt() + " although its original arrived (its event was lost)"
                                    : "expired at " + p.expiresAt() + "; its upload never came"));
                        }
                    }
                    case PROCESSING -> {
                        if (p.lease().expiredAt(now)) {
                            found.add(new Finding(FindingKind.EXPIRED_LEASE, p.key(), null,
                                    "its worker's lease expired at " + p.lease().expiresAt()));
                        }
                    }
                    case ACTIVE -> {
                        for (Rendition r : p.renditions().values()) {
                            if (!objects.containsKey(r.key()) && blobs.head(r.key()).isEmpty()) {
                                found.add(new Finding(FindingKind.MISSING_RENDITION, p.key(), r.key(),
                                        "rendition " + r.name() + " is not in the bucket"));
                            }
                        }
                        if (profileFingerprint != null && !profileFingerprint.equals(p.profileFingerprint())) {
                            found.add(new Finding(FindingKind.FINGERPRINT_DRIFT, p.key(), null, "rendered by profile "
                                    + p.profileFingerprint() + ", the current one is " + profileFingerprint));
                        }
                    }
                    default -> {
                    }
                }
            }
            return found;
        }

        /** The orphan, if the object is still there and older than the grace period (asked of the store). */
        private Optional<Finding> confirmedOrphan(String key, FindingKind kind, PhotoId photo, String why) {
            StoredObject listed = objects.get(key);
            if (listed.lastModified() != null && listed.lastModified().isAfter(now.minus(grace))) {
                return Optional.empty();
            }
            Optional<BlobMetadata> live = blobs.head(key);
            if (live.isEmpty() || live.get().lastModified().isAfter(now.minus(grace))) {
                return Optional.empty();
            }
            return Optional.of(new Finding(kind, new PhotoKey(gallery, photo), key, why));
        }

        private boolean expiredPending(Photo p) {
            return p.status() == PhotoStatus.PENDING && p.expiresAt() != null && !p.expiresAt().isAfter(now);
        }

        private boolean inFlight(PhotoId id) {
            Photo p = records.get(id);
            return p != null && p.status() == PhotoStatus.PROCESSING && !p.lease().expiredAt(now);
        }

        private Optional<PhotoId> photoOfRendition(String key) {
            String rest = key.substring(layout.renditionsPrefix(gallery).length());
            int underscore = rest.indexOf('_');
            if (underscore <= 0) {
                return Optional.empty();
            }
            try {
                return Optional.of(PhotoId.of(rest.substring(0, underscore)));
            } catch (GalerlyException notAnId) {
                return Optional.empty();
            }
        }

        void repair(List<Finding> found, List<Finding> repaired, List<Finding> unrepaired) {
            List<Finding> orphans = found.stream().filter(f -> f.kind() == FindingKind.ORPHAN_RENDITION
                    || f.kind() == FindingKind.ORPHAN_ORIGINAL).toList();
            if (!orphans.isEmpty()) {
                attempt(orphans, () -> blobs.deleteAll(orphans.stream().map(Finding::key).toList()), repaired, unrepaired);
            }
            Map<PhotoKey, List<Finding>> toRender = new LinkedHashMap<>();
            for (Finding f : found) {
                switch (f.kind()) {
                    case EXPIRED_PENDING -> {
                        if (arrived.contains(f.photo())) {
                            toRender.computeIfAbsent(f.photo(), k -> new ArrayList<>()).add(f);
                        } else {
                            attempt(List.of(f), () -> photos.delete(f.photo()), repaired, unrepaired);
                        }
                    }
                    case EXPIRED_LEASE -> {
                        List<Finding> released = new ArrayList<>();
                        attempt(List.of(f), () -> photos.release(f.photo(), records.get(f.photo().id()).lease()),
                                released, unrepaired);
                        released.forEach(r -> toRender.computeIfAbsent(r.photo(), k -> new ArrayList<>()).add(r));
                    }
                    case MISSING_RENDITION, FINGERPRINT_DRIFT ->
                            toRender.computeIfAbsent(f.photo(), k -> new ArrayList<>()).add(f);
                    default -> {
                    }
                }
            }
            for (Map.Entry<PhotoKey, List<Finding>> e : toRender.entrySet()) {
                if (rerender == null) {
                    e.getValue().forEach(f -> unrepaired.add(withDetail(f, "no Rerender configured")));
                    continue;
                }
                Photo record = records.get(e.getKey().id());
                attempt(e.getValue(), () -> rerender.rerender(record), repaired, unrepaired);
            }
        }

        private void attempt(List<Finding> findings, Runnable repair, List<Finding> repaired, List<Finding> unrepaired) {
            try {
                repair.run();
                repaired.addAll(findings);
            } catch (GalerlyException e) {
                findings.forEach(f -> unrepaired.add(withDetail(f, "repair failed: " + e.code() + " " + e.getMessage())));
            }
        }
    }

    private static Finding withDetail(Finding f, String more) {
        return new Finding(f.kind(), f.photo(), f.key(), f.detail() + "; " + more);
    }

    /** Builds a {@link Reconciler}; blobs and photos are required. */
    public static final class Builder {
        private BlobStore blobs;
        private PhotoRepository photos;
        private KeyLayout layout = KeyLayout.standard();
        private Clock clock = Clock.systemUTC();
        private Duration grace = Duration.ofHours(1);
        private String profileFingerprint;
        private Rerender rerender;

        private Builder() {
        }

        public Builder blobs(BlobStore blobs) {
            this.blobs = Checks.notNull(blobs, "blobs");
            return this;
        }

        public Builder photos(PhotoRepository photos) {
            this.photos = Checks.notNull(photos, "photos");
            return this;
        }

        public Builder layout(KeyLayout layout) {
            this.layout = Checks.notNull(layout, "layout");
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = Checks.notNull(clock, "clock");
            return this;
        }

        /**
         * How old an unreferenced object must be to count as an orphan (0..7 days; default 1 hour): a worker writes
         * renditions before it records them.
         */
        public Builder grace(Duration grace) {
            this.grace = Checks.within(grace, Duration.ZERO, Duration.ofDays(7), "grace");
            return this;
        }

        /** The current profile's fingerprint; ACTIVE records with another one are reported as drift. Unset: no check. */
        public Builder profileFingerprint(String profileFingerprint) {
            this.profileFingerprint = Checks.notBlank(profileFingerprint, "profileFingerprint");
            return this;
        }

        /** What renders a photo again during a repair; unset, such findings stay unrepaired. */
        public Builder rerender(Rerender rerender) {
            this.rerender = Checks.notNull(rerender, "rerender");
            return this;
        }

        public Reconciler build() {
            if (blobs == null || photos == null) {
                throw new IllegalStateException("blobs and photos are required");
            }
            return new Reconciler(this);
        }
    }
}
