/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.galerly.core.ErrorCode;
import com.galerly.core.GalerlyException;
import com.galerly.core.GalleryId;
import com.galerly.core.KeyLayout;
import com.galerly.core.Photo;
import com.galerly.core.PhotoId;
import com.galerly.core.PhotoKey;
import com.galerly.core.PhotoStatus;
import com.galerly.core.gallery.AccessPolicy;
import com.galerly.core.gallery.ErasureReceipt;
import com.galerly.core.gallery.GalleryPage;
import com.galerly.core.gallery.GalleryService;
import com.galerly.core.gallery.PhotoView;
import com.galerly.core.photo.GalleryCounts;
import com.galerly.core.photo.PageRequest;
import com.galerly.core.pipeline.ObjectCreated;
import com.galerly.core.pipeline.RenditionPipeline;
import com.galerly.core.storage.BlobMetadata;
import com.galerly.core.storage.PutOptions;
import com.galerly.core.upload.UploadConfirmation;
import com.galerly.core.upload.UploadRequest;
import com.galerly.core.upload.UploadTicket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.BiPredicate;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** The gallery service end to end on the fakes: upload, process, list with URLs, access rules, delete. */
class GalleryServiceTest {
    private final TestClock clock = TestClock.standard();
    private final InMemoryBlobStore blobs = new InMemoryBlobStore(clock);
    private final InMemoryPhotoRepository photos = new InMemoryPhotoRepository(clock);
    private final InMemoryUploadService uploads = InMemoryUploadService.builder().blobs(blobs).clock(clock).build();
    private final HmacUrlSigner signer = new HmacUrlSigner(clock);
    private final KeyLayout layout = KeyLayout.standard();
    private final RenditionPipeline pipeline = RenditionPipeline.builder().processor(new FakeImageProcessor())
            .blobs(blobs).photos(photos).clock(clock).build();
    private final GalleryId wedding = GalleryId.of("wedding");

    private GalleryService service(AccessPolicy access) {
        return GalleryService.builder().uploads(uploads).photos(photos).blobs(blobs).layout(layout)
                .urls(key -> "https://cdn.test/" + key).signer(signer).access(access).clock(clock).build();
    }

    /** Requests an upload, plays the client's PUT and delivers the storage event. */
    private PhotoKey uploadAndProcess(GalleryService service, String caller, int width, int height) {
        byte[] image = FakeImage.of(width, height).toBytes();
        UploadTicket ticket = service.requestUpload(caller, UploadRequest.of(r -> r.gallery(wedding)
                .contentType("image/jpeg").fileName("C:\\Users\\alice\\DSC_0042.JPG").contentLength(image.length)));
        BlobMetadata head = uploads.put(ticket.url(), ticket.headers(), image);
        pipeline.handle(new ObjectCreated("bucket", head.key(), head.size(), head.eTag(), null, "0" + head.eTag()));
        return ticket.photo();
    }

    @Test
    void anUploadRequestCreatesAPendingRecordThatExpires() {
        GalleryService service = service(AccessPolicy.allowAll());
        UploadTicket ticket = service.requestUpload("alice", UploadRequest.of(r -> r.gallery(wedding)
                .contentType("image/jpeg").fileName("../../etc/\u202Egpj.exe").contentLength(100)));
        Photo pending = photos.get(ticket.photo()).orElseThrow();
        assertEquals(PhotoStatus.PENDING, pending.status());
        assertEquals("alice", pending.owner());
        assertEquals("gpj.exe", pending.fileName(), "path and bidi controls stripped");
        assertEquals(layout.promotedKey(layout.parseIncoming(ticket.key()).orElseThrow()), pending.originalKey());
        assertEquals(clock.instant().plus(java.time.Duration.ofDays(1)), pending.expiresAt());
    }

    @Test
    void listingShowsRenditionUrlsOfActivePhotosInUploadOrder() {
        GalleryService service = service(AccessPolicy.allowAll());
        PhotoKey first = uploadAndProcess(service, "alice", 4000, 3000);
        clock.advance(java.time.Duration.ofSeconds(1));
        PhotoKey second = uploadAndProcess(service, "alice", 3000, 4000);
        service.requestUpload("alice", UploadRequest.of(r -> r.gallery(wedding).contentType("image/png").contentLength(9)));

        GalleryPage page = service.list("bob", wedding, PageRequest.first(10));
        assertEquals(3, page.photos().size());
        PhotoView a = page.photos().get(0);
        assertEquals(first, a.photo().key());
        assertEquals(second, page.photos().get(1).photo().key());
        assertEquals("DSC_0042.JPG", a.photo().fileName());
        assertEquals(List.of("thumbnail", "small", "medium", "large"), List.copyOf(a.urls().keySet()));
        assertEquals("https://cdn.test/" + a.photo().rendition("small").orElseThrow().key(), a.url("small").orElseThrow());
        assertTrue(a.url("small").orElseThrow().matches(".*/" + first.id().value() + "_small\\.[0-9a-f]{12}\\.jpg"),
                "the content's fingerprint is in the path");
        assertEquals(page, service.list("bob", wedding, PageRequest.first(10)), "an unchanged photo keeps its URLs");
        assertTrue(page.photos().get(2).urls().isEmpty(), "no URLs before the photo is ACTIVE");
    }

    @Test
    void privateGalleriesGetSignedUrls() {
        GalleryService service = service(AccessPolicy.allowAllPrivate());
        PhotoKey photo = uploadAndProcess(service, "alice", 1000, 800);
        String url = service.get("bob", photo).orElseThrow().url("thumbnail").orElseThrow();
        assertTrue(url.contains("Signature="), url);
        assertTrue(signer.verify(url));
        clock.advance(java.time.Duration.ofHours(2));
        assertFalse(signer.verify(url), "listing URLs expire after an hour by default");
    }

    @Test
    void theAccessPolicyDecidesWhoMayDoWhat() {
        AccessPolicy ownerOnly = new Rules(caller -> caller != null, "alice"::equals,
                (caller, photo) -> photo != null && caller != null && caller.equals(photo.owner()));
        GalleryService service = service(ownerOnly);
        PhotoKey photo = uploadAndProcess(service, "alice", 500, 500);
        assertEquals(ErrorCode.UNAUTHORIZED, assertThrows(GalerlyException.class, () -> service.requestUpload("bob",
                UploadRequest.of(r -> r.gallery(wedding).contentType("image/jpeg").contentLength(9)))).code());
        assertEquals(ErrorCode.UNAUTHORIZED, assertThrows(GalerlyException.class,
                () -> service.list(null, wedding, PageRequest.first())).code());
        assertEquals(ErrorCode.UNAUTHORIZED, assertThrows(GalerlyException.class, () -> service.delete("bob", photo)).code());
        assertEquals(ErrorCode.UNAUTHORIZED, assertThrows(GalerlyException.class,
                () -> service.deleteGallery("alice", wedding)).code());
        assertEquals(1, service.delete("alice", photo).recordsRemoved());
    }

    @Test
    void deletingRemovesRenditionsOriginalAndRecordAndIsIdempotent() {
        GalleryService service = service(AccessPolicy.allowAll());
        PhotoKey keep = uploadAndProcess(service, "alice", 2000, 1500);
        PhotoKey gone = uploadAndProcess(service, "alice", 2000, 1500);
        int before = blobs.keys().size();
        ErasureReceipt receipt = service.delete("alice", gone);
        assertTrue(photos.get(gone).isEmpty());
        assertEquals(before - 5, blobs.keys().size(), "four renditions and the original");
        assertEquals(5, receipt.keys().size(), receipt.keys().toString());
        assertEquals(1, receipt.recordsRemoved());
        assertTrue(receipt.complete());
        assertTrue(blobs.keys().stream().noneMatch(k -> k.contains(gone.id().value())));
        ErasureReceipt again = service.delete("alice", gone);
        assertEquals(List.of(), again.removed(), "deleting again finds nothing and succeeds");
        assertEquals(0, again.recordsRemoved());
        assertTrue(receipt.sameErasureAs(again), "a public gallery's receipt does not depend on the run");
        assertEquals(PhotoStatus.ACTIVE, photos.get(keep).orElseThrow().status());
    }

    @Test
    void deletingToleratesMissingPiecesAndStrayRenditions() {
        GalleryService service = service(AccessPolicy.allowAll());
        PhotoKey photo = uploadAndProcess(service, "alice", 2000, 1500);
        Photo record = photos.get(photo).orElseThrow();
        blobs.delete(record.originalKey());
        blobs.delete(record.rendition("large").orElseThrow().key());
        String stray = layout.renditionKey(wedding, photo.id(), "old-size", "webp");
        blobs.put(stray, new byte[] {1}, PutOptions.of("image/webp"));
        assertTrue(service.delete("alice", photo).keys().contains(stray));
        assertTrue(blobs.keys().isEmpty(), blobs.keys().toString());
    }

    @Test
    void deletingNeverLeavesThePhotosOwnPrefixesWhateverTheRecordSays() {
        GalleryService service = service(AccessPolicy.allowAll());
        GalleryId other = GalleryId.of("other");
        PhotoId.Generator ids = PhotoId.generator(clock);
        String victim = layout.originalKey(other, ids.next(), "jpg");
        blobs.put(victim, new byte[] {1}, PutOptions.of("image/jpeg"));
        PhotoKey hostile = new PhotoKey(wedding, ids.next());
        photos.create(Photo.builder().gallery(wedding).id(hostile.id()).originalKey(victim)
                .uploadedAt(clock.instant()).build());
        service.delete("mallory", hostile);
        assertTrue(blobs.head(victim).isPresent(), "an object of another gallery survives");
        assertTrue(photos.get(hostile).isEmpty());
    }

    @Test
    void countsAreTheActivePhotosAndTheBytesStoredForThemUntilTheGalleryIsDeleted() {
        GalleryService service = service(AccessPolicy.allowAll());
        uploadAndProcess(service, "alice", 800, 600);
        uploadAndProcess(service, "alice", 1200, 900);
        service.requestUpload("alice", UploadRequest.of(r -> r.gallery(wedding).contentType("image/png").contentLength(9)));
        long stored = 0;
        for (String key : blobs.keys()) {
            if (key.startsWith(layout.originalsPrefix(wedding)) || key.startsWith(layout.renditionsPrefix(wedding))) {
                stored += blobs.head(key).orElseThrow().size();
            }
        }
        assertEquals(new GalleryCounts(wedding, 2, stored), service.counts("bob", wedding),
                "two ACTIVE photos (the pending upload counts nothing), and exactly the bytes of their objects");
        assertEquals(ErrorCode.UNAUTHORIZED, assertThrows(GalerlyException.class, () -> service(new Rules(
                caller -> false, caller -> true, (caller, photo) -> true)).counts("bob", wedding)).code());
        service.deleteGallery("alice", wedding);
        assertEquals(GalleryCounts.empty(wedding), service.counts("bob", wedding));
    }

    @Test
    void aGalleryIsDeletedWholeAcrossPagesAndStraysGoToo() {
        GalleryService service = service(AccessPolicy.allowAll());
        for (int i = 0; i < 3; i++) {
            uploadAndProcess(service, "alice", 800, 600);
        }
        GalleryId other = GalleryId.of("other");
        String otherKey = layout.originalKey(other, PhotoId.generator(clock).next(), "jpg");
        blobs.put(otherKey, new byte[] {1}, PutOptions.of("image/jpeg"));
        blobs.put(layout.renditionsPrefix(wedding) + "stray.jpg", new byte[] {1}, PutOptions.of("image/jpeg"));
        assertEquals(3, service.deleteGallery("alice", wedding).recordsRemoved());
        assertEquals(List.of(otherKey), blobs.keys());
        assertTrue(service.list("alice", wedding, PageRequest.first()).photos().isEmpty());
    }

    @Test
    void aGalleryIsDeletedInBatchesNotPhotoByPhoto() {
        GalleryService service = service(AccessPolicy.allowAll());
        for (int i = 0; i < 12; i++) {
            uploadAndProcess(service, "alice", 800, 600);
        }
        int lists = blobs.faults().calls("list");
        int erases = blobs.faults().calls("erase");
        int batches = blobs.faults().calls("deleteAll");
        ErasureReceipt receipt = service.deleteGallery("alice", wedding);
        assertEquals(12, receipt.recordsRemoved());
        assertEquals(60, receipt.keys().size());
        assertEquals(3, blobs.faults().calls("erase") - erases, "the three prefixes (incoming too), erased whole");
        assertEquals(0, blobs.faults().calls("list") - lists);
        assertEquals(0, blobs.faults().calls("deleteAll") - batches, "no photo-by-photo deletes");
        assertTrue(blobs.keys().isEmpty(), blobs.keys().toString());
    }

    @Test
    void aPhotoTheCallerMayNotDeleteStopsTheGalleryDeleteBeforeItsPageIsTouched() {
        AccessPolicy notCarols = new Rules(caller -> true, caller -> true,
                (caller, photo) -> photo == null || !"carol".equals(photo.owner()));
        GalleryService service = service(notCarols);
        uploadAndProcess(service, "alice", 800, 600);
        uploadAndProcess(service, "carol", 800, 600);
        int stored = blobs.keys().size();
        assertEquals(ErrorCode.UNAUTHORIZED,
                assertThrows(GalerlyException.class, () -> service.deleteGallery("alice", wedding)).code());
        assertEquals(stored, blobs.keys().size());
        assertEquals(2, service.list("alice", wedding, PageRequest.first()).photos().size());
    }

    @Test
    void confirmingANonImageDeletesTheUploadAndTheRecordSaysWhy() {
        GalleryService service = service(AccessPolicy.allowAll());
        byte[] exe = "MZ\u0090\u0000 executable".getBytes(StandardCharsets.ISO_8859_1);
        UploadTicket ticket = service.requestUpload("alice", UploadRequest.of(r -> r.gallery(wedding).contentType("image/jpeg")
                .contentLength(exe.length)));
        uploads.put(ticket.url(), ticket.headers(), exe);
        UploadConfirmation confirmation = service.confirm("alice", ticket.photo());
        assertFalse(confirmation.accepted());
        Photo record = photos.get(ticket.photo()).orElseThrow();
        assertEquals(PhotoStatus.FAILED, record.status());
        assertEquals(ErrorCode.UNSUPPORTED_FORMAT, record.errorCode());
        assertTrue(record.errorMessage().contains("not an image"), record.errorMessage());
        assertTrue(blobs.keys().isEmpty());
    }

    @Test
    void confirmingAMislabelledUploadRejectsItWithTheReason() {
        GalleryService service = service(AccessPolicy.allowAll());
        byte[] png = com.galerly.testkit.image.ImageFiles.png(com.galerly.testkit.image.SyntheticImages.photo(8, 8, 1));
        UploadTicket ticket = service.requestUpload("alice", UploadRequest.of(r -> r.gallery(wedding).contentType("image/jpeg")
                .contentLength(png.length)));
        uploads.put(ticket.url(), ticket.headers(), png);
        UploadConfirmation confirmation = service.confirm("alice", ticket.photo());
        assertEquals(ErrorCode.CONTENT_MISMATCH, confirmation.errorCode());
        Photo record = photos.get(ticket.photo()).orElseThrow();
        assertEquals(PhotoStatus.REJECTED, record.status());
        assertTrue(record.errorMessage().contains("declared image/jpeg but the bytes are png"), record.errorMessage());
        assertTrue(blobs.keys().isEmpty());
    }

    @Test
    void aPhotoDeletedWhileBeingProcessedLeavesNoRenditionsBehind() {
        GalleryService service = service(AccessPolicy.allowAll());
        byte[] image = FakeImage.of(900, 900).toBytes();
        UploadTicket ticket = service.requestUpload("alice", UploadRequest.of(r -> r.gallery(wedding).contentType("image/jpeg")
                .contentLength(image.length)));
        BlobMetadata head = uploads.put(ticket.url(), ticket.headers(), image);
        int[] puts = {0};
        DelegatingBlobStore deletingMidway = new DelegatingBlobStore(blobs) {
            @Override
            public BlobMetadata put(String key, byte[] bytes, PutOptions options) {
                BlobMetadata written = super.put(key, bytes, options);
                if (++puts[0] == 3) {                                // promotion, then two renditions
                    service.delete("alice", ticket.photo());       // the user deletes it mid-processing
                }
                return written;
            }
        };
        RenditionPipeline racing = RenditionPipeline.builder().processor(new FakeImageProcessor())
                .blobs(deletingMidway).photos(photos).clock(clock).build();
        racing.handle(new ObjectCreated("bucket", head.key(), head.size(), head.eTag(), null, "01"));
        assertEquals(5, puts[0]);
        assertTrue(blobs.keys().isEmpty(), blobs.keys().toString());
        assertNull(photos.get(ticket.photo()).orElse(null));
    }

    @Test
    void onAVersionedBucketEveryVersionIsErasedAndTheCdnAskedOnceWhateverTheReruns() {
        InMemoryBlobStore versioned = new InMemoryBlobStore(clock, true);
        InMemoryCdnInvalidator cdn = new InMemoryCdnInvalidator();
        InMemoryUploadService versionedUploads = InMemoryUploadService.builder().blobs(versioned).clock(clock).build();
        GalleryService service = GalleryService.builder().uploads(versionedUploads).photos(photos).blobs(versioned)
                .layout(layout).urls(key -> "https://cdn.test/" + key).invalidator(cdn).clock(clock).build();
        RenditionPipeline versionedPipeline = RenditionPipeline.builder().processor(new FakeImageProcessor())
                .blobs(versioned).photos(photos).clock(clock).build();
        byte[] image = FakeImage.of(900, 700).toBytes();
        UploadTicket ticket = service.requestUpload("alice", UploadRequest.of(r -> r.gallery(wedding)
                .contentType("image/jpeg").contentLength(image.length)));
        BlobMetadata head = versionedUploads.put(ticket.url(), ticket.headers(), image);
        versionedPipeline.handle(new ObjectCreated("bucket", head.key(), head.size(), head.eTag(), head.versionId(), "01"));
        String original = photos.get(ticket.photo()).orElseThrow().originalKey();
        versioned.delete(original);                        // an earlier plain delete left a marker and the bytes
        versioned.put(original, image, PutOptions.of("image/jpeg"));
        int stored = versioned.allVersions().size();

        ErasureReceipt receipt = service.delete("alice", ticket.photo());

        assertEquals(List.of(), versioned.allVersions(), "no version, no delete marker left");
        assertEquals(stored, receipt.removed().size(), "every version and marker, renditions, original and upload");
        assertTrue(receipt.removed().stream().filter(v -> v.key().equals(original)).count() >= 3,
                "both versions of the original and the marker between them: " + receipt.removed());
        assertEquals(1, receipt.invalidations().size());
        assertEquals(List.of("/renditions/wedding/" + ticket.photo().id().value() + "_*"),
                receipt.invalidations().get(0).paths());
        assertTrue(cdn.covers("/" + layout.renditionKey(wedding, ticket.photo().id(), "large", "jpg")));
        assertNull(receipt.outstandingUntil(), "a public gallery's URLs are not signed");
        ErasureReceipt rerun = service.delete("alice", ticket.photo());
        assertTrue(receipt.sameErasureAs(rerun));
        assertEquals(1, cdn.invalidations().size(), "the rerun created no second invalidation");
    }

    @Test
    void aPrivateGallerysReceiptBoundsTheSignedUrlsStillOutThereAndNeedsNoInvalidation() {
        InMemoryCdnInvalidator cdn = new InMemoryCdnInvalidator();
        GalleryService service = GalleryService.builder().uploads(uploads).photos(photos).blobs(blobs).layout(layout)
                .urls(key -> "https://cdn.test/" + key).signer(signer).invalidator(cdn)
                .access(AccessPolicy.allowAllPrivate()).clock(clock).build();
        PhotoKey photo = uploadAndProcess(service, "alice", 800, 600);
        ErasureReceipt receipt = service.delete("alice", photo);
        assertEquals(clock.instant().plus(java.time.Duration.ofHours(1)), receipt.outstandingUntil());
        assertTrue(receipt.invalidations().isEmpty());
        assertTrue(receipt.invalidationNote().contains("content-addressed"), receipt.invalidationNote());
        assertEquals(List.of(), cdn.invalidations());
    }

    /** A public-gallery policy from three rules. */
    private record Rules(Predicate<String> view, Predicate<String> upload, BiPredicate<String, Photo> delete)
            implements AccessPolicy {
        @Override
        public boolean canView(String caller, GalleryId gallery) {
            return view.test(caller);
        }

        @Override
        public boolean canUpload(String caller, GalleryId gallery) {
            return upload.test(caller);
        }

        @Override
        public boolean canDelete(String caller, GalleryId gallery, Photo photo) {
            return delete.test(caller, photo);
        }

        @Override
        public boolean isPrivate(GalleryId gallery) {
            return false;
        }
    }
    @Test
    void viewsGiveWhatASrcsetNeeds() {
        GalleryService service = service(AccessPolicy.allowAllPrivate());
        PhotoKey key = uploadAndProcess(service, "alice", 3000, 2000);
        PhotoView view = service.get("alice", key).orElseThrow();
        List<com.galerly.core.gallery.RenditionSource> sources = view.sources();
        assertEquals(List.of("thumbnail 400x400", "small 800x533", "medium 2000x1333", "large 3000x2000"),
                sources.stream().map(s -> s.name() + " " + s.width() + "x" + s.height()).toList());
        for (var source : sources) {
            assertEquals("jpeg", source.format());
            assertEquals(view.url(source.name()).orElseThrow(), source.url());
            assertTrue(signer.verify(source.url()), source.url());
        }
        // the square centre crop is not a candidate of a landscape photo's srcset; smallest first
        assertEquals(sources.get(1).url() + " 800w, " + sources.get(2).url() + " 2000w, " + sources.get(3).url() + " 3000w",
                view.srcset("image/jpeg"));
        assertEquals("", view.srcset("image/webp"));

        // a small original: medium and large are both the original's size, one srcset candidate for them
        PhotoView small = service.get("alice", uploadAndProcess(service, "alice", 1200, 900)).orElseThrow();
        List<String> widths = List.of(small.srcset("image/jpeg").split(", ")).stream()
                .map(c -> c.substring(c.lastIndexOf(' ') + 1)).toList();
        assertEquals(List.of("800w", "1200w"), widths);
    }
}
