/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.core.gallery;

import com.galerly.core.ErrorCode;
import com.galerly.core.GalerlyException;
import com.galerly.core.GalleryId;
import com.galerly.core.KeyLayout;
import com.galerly.core.Photo;
import com.galerly.core.PhotoKey;
import com.galerly.core.PhotoStatus;
import com.galerly.core.Rendition;
import com.galerly.core.delivery.CdnInvalidator;
import com.galerly.core.delivery.DeliveryUrls;
import com.galerly.core.delivery.UrlSigner;
import com.galerly.core.internal.Erasure;
import com.galerly.core.photo.ClaimRequest;
import com.galerly.core.photo.ClaimResult;
import com.galerly.core.photo.GalleryCounts;
import com.galerly.core.photo.PageRequest;
import com.galerly.core.photo.PhotoPage;
import com.galerly.core.photo.PhotoRepository;
import com.galerly.core.spi.Checks;
import com.galerly.core.spi.FileNames;
import com.galerly.core.storage.BlobStore;
import com.galerly.core.storage.BlobVersion;
import com.galerly.core.upload.PendingUploads;
import com.galerly.core.upload.UploadConfirmation;
import com.galerly.core.upload.UploadForm;
import com.galerly.core.upload.UploadRequest;
import com.galerly.core.upload.UploadService;
import com.galerly.core.upload.UploadTicket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What a gallery application's API calls: request an upload, confirm it, list a gallery with CDN URLs (signed
 * for private galleries), get, delete a photo or a whole gallery. Composes the ports only, so it runs the same
 * on AWS and on the test kit's fakes. Every call is checked against the {@link AccessPolicy}.
 *
 * <pre>{@code
 * GalleryService gallery = GalleryService.builder()
 *     .uploads(uploadService).photos(photoRepository).blobs(blobStore)
 *     .urls(cdnUrls).signer(cloudFrontSigner).access(accessPolicy).clock(clock)
 *     .build();
 * UploadTicket ticket = gallery.requestUpload("alice", UploadRequest.of(r -> r.gallery(g).contentType("image/jpeg")));
 * GalleryPage page = gallery.list("bob", g, PageRequest.first(50));
 * GalleryCounts counts = gallery.counts("bob", g);          // ACTIVE photos and their bytes, one request
 * ErasureReceipt receipt = gallery.delete("alice", ticket.photo());
 * }</pre>
 *
 * <p>Deleting removes renditions, then the original, then the record: a crash part-way leaves a record whose
 * retry finishes the job, never an invisible orphan. It tolerates missing pieces, is idempotent, and deletes
 * only under the photo's own prefixes of the {@link KeyLayout}, whatever the record says.
 */
public final class GalleryService {
    private final UploadService uploads;
    private final PhotoRepository photos;
    private final BlobStore blobs;
    private final KeyLayout layout;
    private final DeliveryUrls urls;
    private final UrlSigner signer;
    private final CdnInvalidator invalidator;
    private final AccessPolicy access;
    private final Clock clock;
    private final Duration pendingExpiry;
    private final Duration signedUrlExpiry;

    private GalleryService(Builder b) {
        this.uploads = b.uploads;
        this.photos = b.photos;
        this.blobs = b.blobs;
        this.layout = b.layout;
        this.urls = b.urls;
        this.signer = b.signer;
        this.invalidator = b.invalidator;
        this.access = b.access;
        this.clock = b.clock;
        this.pendingExpiry = b.pendingExpiry;
        this.signedUrlExpiry = b.signedUrlExpiry;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * A presigned PUT for a new photo, and its PENDING record ({@link PendingUploads}; it expires if the upload
     * never comes). The caller is the upload's owner (on the record and in the upload's metadata).
     */
    public UploadTicket requestUpload(String caller, UploadRequest request) {
        requireUpload(caller, request.gallery());
        UploadRequest owned = ownedBy(caller, request);
        UploadTicket ticket = uploads.presignPut(owned);
        recordPending(caller, owned, ticket.photo(), ticket.key(), ticket.expiresAt());
        return ticket;
    }

    /** A presigned browser form for a new photo, and its PENDING record. */
    public UploadForm requestUploadForm(String caller, UploadRequest request) {
        requireUpload(caller, request.gallery());
        UploadRequest owned = ownedBy(caller, request);
        UploadForm form = uploads.presignPost(owned);
        recordPending(caller, owned, form.photo(), form.key(), form.expiresAt());
        return form;
    }

    private static UploadRequest ownedBy(String caller, UploadRequest request) {
        return caller.equals(request.owner().orElse(null)) ? request : request.toBuilder().owner(caller).build();
    }

    /** An upload service sharing the repository has recorded it already: then this writes nothing. */
    private void recordPending(String caller, UploadRequest request, PhotoKey photo, String uploadKey,
                               Instant urlExpiry) {
        PendingUploads.create(photos, PendingUploads.record(layout, photo, uploadKey, request, caller, clock.instant(),
                urlExpiry, pendingExpiry));
    }

    /**
     * Runs the trust path on what arrived for a photo (unless processing already did): a refused upload is
     * deleted by the upload service and the photo's record says why (REJECTED or FAILED with the code).
     * Rendering itself starts from the storage event, not from here.
     */
    public UploadConfirmation confirm(String caller, PhotoKey photo) {
        requireUpload(caller, photo.gallery());
        Photo record = photos.get(photo).orElseThrow(() -> GalerlyException.notFound("no photo " + photo));
        UploadConfirmation confirmation = uploads.confirm(incomingKey(record));
        if (!confirmation.accepted()) {
            recordRefusal(record, confirmation);
        }
        return confirmation;
    }

    /** The key the photo's upload landed under (in quarantine). */
    private String incomingKey(Photo record) {
        return layout.parseOriginal(record.originalKey())
                .map(o -> layout.incomingKey(o.gallery(), o.photo(), o.extension()))
                .orElse(record.originalKey());
    }

    /** An upload service without records refused it: the record must still say why. */
    private void recordRefusal(Photo record, UploadConfirmation confirmation) {
        Photo now = photos.get(record.key()).orElse(null);
        if (now == null || now.status() == PhotoStatus.REJECTED || now.status() == PhotoStatus.FAILED) {
            return;
        }
        ClaimResult claim = photos.claim(new ClaimRequest(record.key(), record.originalKey(), "refused-upload", null,
                Math.max(0, confirmation.size()), record.contentType(), UUID.randomUUID().toString(),
                Duration.ofMinutes(1)));
        if (claim.claimed()) {
            photos.fail(record.key(), claim.photo().lease(), confirmation.errorCode(), confirmation.message());
        }
    }

    /** One page of a gallery, with rendition URLs for ACTIVE photos. */
    public GalleryPage list(String caller, GalleryId gallery, PageRequest page) {
        requireView(caller, gallery);
        PhotoPage records = photos.list(gallery, page);
        return new GalleryPage(views(records.photos(), layout.renditionsPrefix(gallery)), records.nextToken());
    }

    /**
     * The gallery's ACTIVE photos and the bytes their records name (originals and renditions), in one request to the
     * repository; exact under duplicated, reordered and failed deliveries and deletes ({@link GalleryCounts}). Who
     * may view the gallery may read them.
     */
    public GalleryCounts counts(String caller, GalleryId gallery) {
        requireView(caller, gallery);
        return photos.counts(gallery);
    }

    public Optional<PhotoView> get(String caller, PhotoKey photo) {
        requireView(caller, photo.gallery());
        return photos.get(photo).map(p -> views(List.of(p), layout.renditionsPrefix(photo.gallery(), photo.id())).get(0));
    }

    /**
     * Erases a photo: every version and delete marker under its renditions and original prefixes (a plain delete on a
     * versioned bucket would keep them restorable), then its record, then asks the CDN to drop cached renditions
     * where someone holding a URL could still fetch them. Returns the {@link ErasureReceipt}. Idempotent: a rerun
     * after a crash part-way finishes the job and gives an {@linkplain ErasureReceipt#sameErasureAs equivalent}
     * receipt; missing pieces are fine. It erases only under the photo's own prefixes of the {@link KeyLayout},
     * whatever the record says.
     */
    public ErasureReceipt delete(String caller, PhotoKey photo) {
        Optional<Photo> record = photos.get(photo);
        if (!access.canDelete(caller, photo.gallery(), record.orElse(null))) {
            throw denied(caller, "delete photo " + photo);
        }
        Instant tombstonedAt = clock.instant();
        String renditions = layout.renditionsPrefix(photo.gallery(), photo.id());
        List<String> prefixes = List.of(renditions, originalStem(photo), incomingStem(photo));   // quarantine too
        List<BlobVersion> removed = erasure().eraseObjects(prefixes);
        int records = photos.delete(photo) ? 1 : 0;
        return erasure().receipt(photo.gallery(), photo, prefixes, removed, renditions,
                access.isPrivate(photo.gallery()), record.map(GalleryService::contentAddressed).orElse(true), records,
                tombstonedAt, signedUrlExpiry);
    }

    /**
     * Erases every photo of a gallery and any stray object under its prefixes. The access policy is asked for every
     * photo (a page of up to {@link PageRequest#MAX_LIMIT} records a request) before anything is erased; then every
     * version under the gallery's two prefixes goes (ListObjectVersions and batched DeleteObjects, 1,000 a request,
     * whatever the number of photos), then the records, then one wildcard invalidation of the gallery's renditions
     * where one is needed. Stopped half-way (a failure, a timeout), it can simply be run again.
     */
    public ErasureReceipt deleteGallery(String caller, GalleryId gallery) {
        if (!access.canDelete(caller, gallery, null)) {
            throw denied(caller, "delete gallery " + gallery);
        }
        boolean contentAddressed = true;
        PageRequest page = PageRequest.first(PageRequest.MAX_LIMIT);
        while (true) {
            PhotoPage records = photos.list(gallery, page);
            for (Photo p : records.photos()) {
                if (!access.canDelete(caller, gallery, p)) {
                    throw denied(caller, "delete photo " + p.key());
                }
                contentAddressed &= contentAddressed(p);
            }
            if (records.next().isEmpty()) {
                break;
            }
            page = page.next(records.nextToken());
        }
        Instant tombstonedAt = clock.instant();
        List<String> prefixes = List.of(layout.renditionsPrefix(gallery), layout.originalsPrefix(gallery),
                layout.incomingPrefix() + gallery.value() + "/");
        List<BlobVersion> removed = erasure().eraseObjects(prefixes);
        int count = 0;
        while (true) {
            PhotoPage records = photos.list(gallery, PageRequest.first(PageRequest.MAX_LIMIT));  // deleting shifts pages
            for (Photo p : records.photos()) {
                photos.delete(p.key());
                count++;
            }
            if (records.next().isEmpty()) {
                break;
            }
        }
        return erasure().receipt(gallery, null, prefixes, removed, layout.renditionsPrefix(gallery),
                access.isPrivate(gallery), contentAddressed, count, tombstonedAt, signedUrlExpiry);
    }

    private Erasure erasure() {
        return new Erasure(blobs, urls, invalidator, clock);
    }

    /** Whether every rendition the record names carries its content's fingerprint in its key. */
    private static boolean contentAddressed(Photo record) {
        return record.renditions().values().stream().allMatch(r -> KeyLayout.isContentAddressed(r.key()));
    }

    /** Every upload of a photo still in quarantine starts with this (its extension follows). */
    private String incomingStem(PhotoKey photo) {
        return layout.incomingPrefix() + photo.gallery().value() + "/" + photo.id().value() + ".";
    }

    /** Every original of a photo starts with this (its extension follows). */
    private String originalStem(PhotoKey photo) {
        return layout.originalsPrefix(photo.gallery()) + photo.id().value() + ".";
    }

    /**
     * Rendition URLs of the ACTIVE photos among {@code records}; for a private gallery they are signed together,
     * scoped to {@code scopeKey} (the gallery's or the photo's renditions prefix), so a page costs one signature
     * where the signer can share it.
     */
    private List<PhotoView> views(List<Photo> records, String scopeKey) {
        List<String> unsigned = new ArrayList<>();
        for (Photo p : records) {
            if (p.status() == PhotoStatus.ACTIVE) {
                p.renditions().values().forEach(r -> unsigned.add(urls.url(r.key())));
            }
        }
        List<String> served = unsigned.isEmpty() || !access.isPrivate(records.get(0).gallery()) ? unsigned
                : requireSigner().signAll(urls.url(scopeKey) + "*", unsigned, clock.instant().plus(signedUrlExpiry));
        List<PhotoView> views = new ArrayList<>(records.size());
        int next = 0;
        for (Photo p : records) {
            Map<String, String> byName = new LinkedHashMap<>();
            if (p.status() == PhotoStatus.ACTIVE) {
                for (Rendition r : p.renditions().values()) {
                    byName.put(r.name(), served.get(next++));
                }
            }
            views.add(new PhotoView(p, byName));
        }
        return views;
    }

    private UrlSigner requireSigner() {
        if (signer == null) {
            throw new GalerlyException(ErrorCode.CONFIGURATION, "a private gallery needs a UrlSigner");
        }
        return signer;
    }

    private void requireUpload(String caller, GalleryId gallery) {
        if (!access.canUpload(caller, gallery)) {
            throw denied(caller, "upload to gallery " + gallery);
        }
    }

    private void requireView(String caller, GalleryId gallery) {
        if (!access.canView(caller, gallery)) {
            throw denied(caller, "view gallery " + gallery);
        }
    }

    private static GalerlyException denied(String caller, String what) {
        return new GalerlyException(ErrorCode.UNAUTHORIZED, (caller == null ? "an anonymous caller" : "caller " + caller)
                + " may not " + what);
    }

    /** Builds a {@link GalleryService}; uploads, photos, blobs and urls are required. */
    public static final class Builder {
        private UploadService uploads;
        private PhotoRepository photos;
        private BlobStore blobs;
        private KeyLayout layout = KeyLayout.standard();
        private DeliveryUrls urls;
        private UrlSigner signer;
        private CdnInvalidator invalidator;
        private AccessPolicy access = AccessPolicy.allowAll();
        private Clock clock = Clock.systemUTC();
        private Duration pendingExpiry = PendingUploads.DEFAULT_TTL;
        private Duration signedUrlExpiry = Duration.ofHours(1);

        private Builder() {
        }

        public Builder uploads(UploadService uploads) {
            this.uploads = Checks.notNull(uploads, "uploads");
            return this;
        }

        public Builder photos(PhotoRepository photos) {
            this.photos = Checks.notNull(photos, "photos");
            return this;
        }

        public Builder blobs(BlobStore blobs) {
            this.blobs = Checks.notNull(blobs, "blobs");
            return this;
        }

        public Builder layout(KeyLayout layout) {
            this.layout = Checks.notNull(layout, "layout");
            return this;
        }

        public Builder urls(DeliveryUrls urls) {
            this.urls = Checks.notNull(urls, "urls");
            return this;
        }

        /** Signs URLs of private galleries; required if the access policy makes any gallery private. */
        public Builder signer(UrlSigner signer) {
            this.signer = Checks.notNull(signer, "signer");
            return this;
        }

        /**
         * Asks the CDN to drop cached renditions of what is deleted, where someone holding a URL could still fetch
         * them (public galleries, renditions without a fingerprint in their key). Unset, receipts say none was asked.
         */
        public Builder invalidator(CdnInvalidator invalidator) {
            this.invalidator = Checks.notNull(invalidator, "invalidator");
            return this;
        }

        public Builder access(AccessPolicy access) {
            this.access = Checks.notNull(access, "access");
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = Checks.notNull(clock, "clock");
            return this;
        }

        /**
         * How long a PENDING record waits for its upload after the upload URL expired, before the storage TTL
         * removes it ({@link PendingUploads#checkTtl}: 1 minute..30 days; default 1 day).
         */
        public Builder pendingExpiry(Duration pendingExpiry) {
            this.pendingExpiry = PendingUploads.checkTtl(pendingExpiry);
            return this;
        }

        /** How long signed URLs of a listing stay valid (1 minute..7 days). */
        public Builder signedUrlExpiry(Duration signedUrlExpiry) {
            this.signedUrlExpiry = Checks.within(signedUrlExpiry, Duration.ofMinutes(1), Duration.ofDays(7), "signedUrlExpiry");
            return this;
        }

        public GalleryService build() {
            if (uploads == null || photos == null || blobs == null || urls == null) {
                throw new IllegalStateException("uploads, photos, blobs and urls are required");
            }
            return new GalleryService(this);
        }
    }
}
