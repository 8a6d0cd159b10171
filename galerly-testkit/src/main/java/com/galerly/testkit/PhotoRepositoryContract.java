/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.galerly.core.ErrorCode;
import com.galerly.core.GalerlyException;
import com.galerly.core.GalleryId;
import com.galerly.core.KeyLayout;
import com.galerly.core.Lease;
import com.galerly.core.Photo;
import com.galerly.core.PhotoId;
import com.galerly.core.PhotoKey;
import com.galerly.core.PhotoStatus;
import com.galerly.core.Rendition;
import com.galerly.core.photo.ClaimRequest;
import com.galerly.core.photo.ClaimResult;
import com.galerly.core.photo.Completion;
import com.galerly.core.photo.GalleryCounts;
import com.galerly.core.photo.PageRequest;
import com.galerly.core.photo.PhotoPage;
import com.galerly.core.photo.PhotoRepository;
import com.galerly.core.photo.PhotoTransitions;
import com.galerly.core.photo.StalePhotos;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link PhotoRepository} must show: conditional status transitions, leases, sequencer
 * ordering, gallery pages with tokens bound to their gallery, forced re-render claims, and gallery counts that stay
 * exact under duplicated, reordered, failed and concurrent deliveries and deletes. Extend it and return a repository on the given
 * clock; each test uses fresh galleries, so one table may serve the whole class.
 *
 * <pre>{@code
 * class DynamoDbPhotoRepositoryTest extends PhotoRepositoryContract {
 *     @RegisterExtension static final DynaliteExtension DDB = DynaliteExtension.create();
 *     @Override protected PhotoRepository repository(TestClock clock) {
 *         return DynamoDbPhotoRepository.create(DDB.client(), "photos", clock);
 *     }
 * }
 * }</pre>
 */
public abstract class PhotoRepositoryContract {
    private static final Duration LEASE = Duration.ofMinutes(15);

    protected TestClock clock;
    protected PhotoRepository repository;
    private GalleryId gallery;
    private PhotoId.Generator ids;

    /** The repository under test, reading time from {@code clock}. */
    protected abstract PhotoRepository repository(TestClock clock);

    @BeforeEach
    void setUpRepository() {
        clock = TestClock.standard();
        repository = repository(clock);
        gallery = freshGallery();
        ids = PhotoId.generator(clock);
    }

    private static GalleryId freshGallery() {
        return GalleryId.of("g-" + UUID.randomUUID().toString().substring(0, 18));
    }

    private PhotoKey newPhoto() {
        return new PhotoKey(gallery, ids.next());
    }

    private Photo pending(PhotoKey key) {
        return Photo.builder().gallery(key.gallery()).id(key.id()).status(PhotoStatus.PENDING)
                .originalKey(KeyLayout.standard().originalKey(key.gallery(), key.id(), "jpg"))
                .fileName("IMG 0001.JPG").contentType("image/jpeg").owner("user-1").sha256(SHA256)
                .uploadedAt(clock.instant()).expiresAt(clock.instant().plus(Duration.ofDays(1))).build();
    }

    private static final String SHA256 = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    private ClaimRequest claim(PhotoKey key, String eTag, String sequencer) {
        return new ClaimRequest(key, KeyLayout.standard().originalKey(key.gallery(), key.id(), "jpg"), eTag, sequencer,
                1234, "image/jpeg", UUID.randomUUID().toString(), LEASE);
    }

    private Completion completion(PhotoKey key) {
        String renditionKey = KeyLayout.standard().renditionKey(key.gallery(), key.id(), "thumbnail", "jpg");
        return new Completion("image/jpeg", 6000, 4000,
                List.of(new Rendition("thumbnail", renditionKey, 400, 400, 12345, "image/jpeg")), "LEHV6nWB2yk8", SHA256);
    }

    private Photo activate(PhotoKey key, String eTag, String sequencer) {
        ClaimResult result = repository.claim(claim(key, eTag, sequencer));
        assertEquals(ClaimResult.Verdict.CLAIMED, result.verdict());
        return repository.complete(key, result.lease().orElseThrow(), completion(key));
    }

    @Test
    void createdRecordsReadBackWholeAndCreatingTwiceConflicts() {
        PhotoKey key = newPhoto();
        Photo photo = pending(key);
        repository.create(photo);
        Photo read = repository.get(key).orElseThrow();
        assertEquals(PhotoStatus.PENDING, read.status());
        assertEquals(photo.originalKey(), read.originalKey());
        assertEquals("IMG 0001.JPG", read.fileName());
        assertEquals("user-1", read.owner());
        assertEquals(photo.uploadedAt(), read.uploadedAt());
        assertEquals(photo.expiresAt(), read.expiresAt());
        assertEquals(SHA256, read.sha256());
        assertEquals(ErrorCode.CONFLICT, assertThrows(GalerlyException.class, () -> repository.create(photo)).code());
        assertTrue(repository.get(newPhoto()).isEmpty());
    }

    @Test
    void theProfileFingerprintReadsBack() {
        PhotoKey key = newPhoto();
        repository.create(pending(key).toBuilder().profileFingerprint("p1-4f9c2a").build());
        assertEquals("p1-4f9c2a", repository.get(key).orElseThrow().profileFingerprint());
        PhotoKey without = newPhoto();
        repository.create(pending(without));
        assertNull(repository.get(without).orElseThrow().profileFingerprint());
    }

    @Test
    void claimingAPendingPhotoLeasesItAndClearsItsExpiry() {
        PhotoKey key = newPhoto();
        repository.create(pending(key));
        ClaimResult result = repository.claim(claim(key, "etag-1", "0055AED6DCD90281E5"));
        assertEquals(ClaimResult.Verdict.CLAIMED, result.verdict());
        Photo stored = repository.get(key).orElseThrow();
        assertEquals(PhotoStatus.PROCESSING, stored.status());
        assertEquals(result.lease().orElseThrow(), stored.lease());
        assertEquals(clock.instant().plus(LEASE), stored.lease().expiresAt());
        assertNull(stored.expiresAt(), "a claimed photo must not expire through TTL");
        assertEquals("etag-1", stored.eTag());
        assertEquals("0055AED6DCD90281E5", stored.sequencer());
    }

    @Test
    void claimingAnUnknownPhotoCreatesItAsProcessing() {
        PhotoKey key = newPhoto();
        ClaimResult result = repository.claim(claim(key, "etag-1", null));
        assertEquals(ClaimResult.Verdict.CLAIMED, result.verdict());
        Photo stored = repository.get(key).orElseThrow();
        assertEquals(PhotoStatus.PROCESSING, stored.status());
        assertEquals(1234, stored.size());
    }

    @Test
    void completingRecordsRenditionsAndOnlyTheLeaseHolderMayComplete() {
        PhotoKey key = newPhoto();
        ClaimResult result = repository.claim(claim(key, "etag-1", "01"));
        Lease stranger = new Lease("not-the-holder", clock.instant().plus(LEASE));
        assertEquals(ErrorCode.CONFLICT,
                assertThrows(GalerlyException.class, () -> repository.complete(key, stranger, completion(key))).code());
        Photo active = repository.complete(key, result.lease().orElseThrow(), completion(key));
        assertEquals(PhotoStatus.ACTIVE, active.status());
        Photo stored = repository.get(key).orElseThrow();
        assertEquals(PhotoStatus.ACTIVE, stored.status());
        assertNull(stored.lease());
        assertEquals(6000, stored.width());
        assertEquals(4000, stored.height());
        assertEquals(completion(key).renditions().get(0), stored.rendition("thumbnail").orElseThrow());
        assertEquals("LEHV6nWB2yk8", stored.placeholder());
        assertEquals(SHA256, stored.sha256(), "the digest recorded at promotion");
        assertEquals(clock.instant(), stored.processedAt());
        assertEquals(ErrorCode.CONFLICT, assertThrows(GalerlyException.class,
                () -> repository.complete(key, result.lease().orElseThrow(), completion(key))).code(),
                "completing twice must conflict");
    }

    @Test
    void failingRecordsTheErrorCode() {
        PhotoKey key = newPhoto();
        ClaimResult result = repository.claim(claim(key, "etag-1", "01"));
        repository.fail(key, result.lease().orElseThrow(), ErrorCode.CORRUPT_IMAGE, "premature end of JPEG data");
        Photo stored = repository.get(key).orElseThrow();
        assertEquals(PhotoStatus.FAILED, stored.status());
        assertEquals(ErrorCode.CORRUPT_IMAGE, stored.errorCode());
        assertEquals("premature end of JPEG data", stored.errorMessage());
        assertNull(stored.lease());
    }

    @Test
    void aRefusedUploadIsRejectedWithItsReasonAndStaysRejected() {
        PhotoKey key = newPhoto();
        ClaimResult result = repository.claim(claim(key, "etag-1", "01"));
        Photo rejected = repository.fail(key, result.lease().orElseThrow(), ErrorCode.INFECTED,
                "the scanner found Eicar-Test-Signature");
        assertEquals(PhotoStatus.REJECTED, rejected.status());
        Photo stored = repository.get(key).orElseThrow();
        assertEquals(PhotoStatus.REJECTED, stored.status());
        assertEquals(ErrorCode.INFECTED, stored.errorCode());
        assertEquals("the scanner found Eicar-Test-Signature", stored.errorMessage());
        assertEquals(ClaimResult.Verdict.DUPLICATE, repository.claim(claim(key, "etag-2", "02")).verdict(),
                "a replayed upload of a rejected photo is not processed");
        assertEquals(PhotoStatus.REJECTED, repository.get(key).orElseThrow().status());
    }

    @Test
    void theSameUploadAgainIsADuplicateOnceActiveOrFailed() {
        PhotoKey active = newPhoto();
        activate(active, "etag-1", "0A");
        assertEquals(ClaimResult.Verdict.DUPLICATE, repository.claim(claim(active, "etag-1", "0A")).verdict());
        PhotoKey failed = newPhoto();
        ClaimResult result = repository.claim(claim(failed, "etag-2", "0B"));
        repository.fail(failed, result.lease().orElseThrow(), ErrorCode.UNSUPPORTED_FORMAT, "not an image");
        assertEquals(ClaimResult.Verdict.DUPLICATE, repository.claim(claim(failed, "etag-2", "0B")).verdict());
        assertEquals(PhotoStatus.FAILED, repository.get(failed).orElseThrow().status());
    }

    @Test
    void withoutSequencersTheETagDecidesWhetherItIsTheSameUpload() {
        PhotoKey key = newPhoto();
        activate(key, "etag-1", null);
        assertEquals(ClaimResult.Verdict.DUPLICATE, repository.claim(claim(key, "etag-1", null)).verdict());
        assertEquals(ClaimResult.Verdict.CLAIMED, repository.claim(claim(key, "etag-2", null)).verdict());
    }

    @Test
    void anOlderSequencerIsStaleAndANewerOneReprocessesAnActivePhoto() {
        PhotoKey key = newPhoto();
        activate(key, "etag-2", "0055AED6DCD90281E6");
        assertEquals(ClaimResult.Verdict.STALE, repository.claim(claim(key, "etag-1", "0055AED6DCD90281E5")).verdict());
        // S3: sequencers of different lengths compare after right-padding the shorter with zeros
        assertEquals(ClaimResult.Verdict.STALE, repository.claim(claim(key, "etag-1", "0055AED6DCD90281E")).verdict());
        ClaimResult newer = repository.claim(claim(key, "etag-3", "0055AED6DCD90281E600"));
        assertEquals(ClaimResult.Verdict.DUPLICATE, newer.verdict(), "equal after padding: the same event");
        ClaimResult replaced = repository.claim(claim(key, "etag-3", "0055AED6DCD90281E7"));
        assertEquals(ClaimResult.Verdict.CLAIMED, replaced.verdict());
        assertEquals("etag-3", repository.get(key).orElseThrow().eTag());
        assertEquals("0055AED6DCD90281E7", repository.get(key).orElseThrow().sequencer());
    }

    @Test
    void anUnexpiredLeaseMakesOthersBusyUntilItExpires() {
        PhotoKey key = newPhoto();
        ClaimResult first = repository.claim(claim(key, "etag-1", "01"));
        assertEquals(ClaimResult.Verdict.BUSY, repository.claim(claim(key, "etag-1", "01")).verdict());
        clock.advance(LEASE.plusSeconds(1));
        ClaimResult second = repository.claim(claim(key, "etag-1", "01"));
        assertEquals(ClaimResult.Verdict.CLAIMED, second.verdict());
        assertNotEquals(first.lease(), second.lease());
        assertEquals(ErrorCode.CONFLICT, assertThrows(GalerlyException.class,
                () -> repository.complete(key, first.lease().orElseThrow(), completion(key))).code(),
                "the first worker lost its lease");
    }

    @Test
    void aNewerEventTakesOverAPhotoStillBeingProcessed() {
        PhotoKey key = newPhoto();
        ClaimResult old = repository.claim(claim(key, "etag-1", "01"));
        ClaimResult newer = repository.claim(claim(key, "etag-2", "02"));
        assertEquals(ClaimResult.Verdict.CLAIMED, newer.verdict());
        assertThrows(GalerlyException.class, () -> repository.complete(key, old.lease().orElseThrow(), completion(key)));
        repository.complete(key, newer.lease().orElseThrow(), completion(key));
        assertEquals("etag-2", repository.get(key).orElseThrow().eTag());
    }

    @Test
    void releasingMakesThePhotoClaimableAtOnceAndIsANoOpForAStranger() {
        PhotoKey key = newPhoto();
        ClaimResult first = repository.claim(claim(key, "etag-1", "01"));
        repository.release(key, new Lease("stranger", clock.instant()));
        assertEquals(ClaimResult.Verdict.BUSY, repository.claim(claim(key, "etag-1", "01")).verdict());
        repository.release(key, first.lease().orElseThrow());
        assertEquals(ClaimResult.Verdict.CLAIMED, repository.claim(claim(key, "etag-1", "01")).verdict());
    }

    @Test
    void everyWriteIncrementsTheVersion() {
        PhotoKey key = newPhoto();
        repository.create(pending(key));
        long created = repository.get(key).orElseThrow().version();
        ClaimResult claimed = repository.claim(claim(key, "etag-1", "01"));
        long afterClaim = repository.get(key).orElseThrow().version();
        repository.complete(key, claimed.lease().orElseThrow(), completion(key));
        long afterComplete = repository.get(key).orElseThrow().version();
        assertTrue(created < afterClaim && afterClaim < afterComplete,
                created + " < " + afterClaim + " < " + afterComplete);
    }

    @Test
    void concurrentClaimsOfTheSameUploadGrantExactlyOneLease() throws Exception {
        PhotoKey key = newPhoto();
        repository.create(pending(key));
        int workers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<ClaimResult>> results = new ArrayList<>();
            for (int i = 0; i < workers; i++) {
                Callable<ClaimResult> task = () -> {
                    start.await();
                    return repository.claim(claim(key, "etag-1", "01"));
                };
                results.add(pool.submit(task));
            }
            start.countDown();
            int claimed = 0;
            for (Future<ClaimResult> f : results) {
                ClaimResult r = f.get();
                claimed += r.claimed() ? 1 : 0;
                assertTrue(r.claimed() || r.verdict() == ClaimResult.Verdict.BUSY, r.verdict().toString());
            }
            assertEquals(1, claimed);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void listingPagesThroughAGalleryInUploadOrder() {
        List<PhotoKey> keys = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            PhotoKey key = newPhoto();
            keys.add(key);
            repository.create(pending(key));
            clock.advance(Duration.ofMillis(3));
        }
        GalleryId other = freshGallery();
        repository.create(pending(new PhotoKey(other, ids.next())));

        List<PhotoId> seen = new ArrayList<>();
        PageRequest request = PageRequest.first(3);
        int pages = 0;
        while (true) {
            PhotoPage page = repository.list(gallery, request);
            pages++;
            page.photos().forEach(p -> seen.add(p.id()));
            assertTrue(page.photos().size() <= 3);
            if (page.next().isEmpty()) {
                break;
            }
            request = request.next(page.nextToken());
        }
        assertEquals(keys.stream().map(PhotoKey::id).toList(), seen);
        assertEquals(3, pages);
        assertEquals(1, repository.list(other, PageRequest.first(10)).photos().size());
        assertTrue(repository.list(freshGallery(), PageRequest.first(10)).photos().isEmpty());
    }

    @Test
    void aPageTokenOfAnotherGalleryOrATamperedOneIsRefused() {
        for (int i = 0; i < 3; i++) {
            repository.create(pending(newPhoto()));
        }
        String token = repository.list(gallery, PageRequest.first(1)).nextToken();
        assertFalse(token.contains(gallery.value()), "tokens are opaque");
        GalleryId other = freshGallery();
        GalerlyException foreign = assertThrows(GalerlyException.class,
                () -> repository.list(other, PageRequest.first(1).next(token)));
        assertEquals(ErrorCode.INVALID_ARGUMENT, foreign.code());
        String tampered = token.substring(0, token.length() - 2) + (token.endsWith("AA") ? "BB" : "AA");
        assertEquals(ErrorCode.INVALID_ARGUMENT, assertThrows(GalerlyException.class,
                () -> repository.list(gallery, PageRequest.first(1).next(tampered))).code());
        assertEquals(ErrorCode.INVALID_ARGUMENT, assertThrows(GalerlyException.class,
                () -> repository.list(gallery, PageRequest.first(1).next("%%not-base64%%"))).code());
    }

    @Test
    void listingsHidePendingRecordsPastTheirExpiryAndStillFillEveryPage() {
        Duration soon = Duration.ofHours(1);
        Duration later = Duration.ofDays(1);
        List<PhotoKey> visible = new ArrayList<>();
        List<PhotoKey> all = new ArrayList<>();
        // interleaved in upload order: expired ones between and around the visible ones, a run of three at the start
        for (String kind : List.of("expiring", "expiring", "expiring", "pending-later", "expiring", "active",
                "expiring-at-the-instant", "pending-forever", "expiring")) {
            PhotoKey key = newPhoto();
            all.add(key);
            switch (kind) {
                case "expiring" -> repository.create(pending(key).toBuilder()
                        .expiresAt(clock.instant().plus(soon)).build());
                case "expiring-at-the-instant" -> repository.create(pending(key).toBuilder()
                        .expiresAt(clock.instant().plus(soon).plus(soon)).build());
                case "pending-later" -> repository.create(pending(key).toBuilder()
                        .expiresAt(clock.instant().plus(later)).build());
                case "pending-forever" -> repository.create(pending(key).toBuilder().expiresAt(null).build());
                case "active" -> {
                    repository.create(pending(key).toBuilder().expiresAt(clock.instant().plus(soon)).build());
                    activate(key, "etag-1", "01");
                }
                default -> throw new IllegalStateException(kind);
            }
            if (!kind.startsWith("expiring")) {
                visible.add(key);
            }
        }
        assertEquals(all.stream().map(PhotoKey::id).toList(), repository.list(gallery, PageRequest.first(100))
                .photos().stream().map(Photo::id).toList(), "nothing has expired yet");

        clock.advance(soon.plus(soon));   // every "expiring" record is past; "at the instant" expires exactly now
        List<PhotoId> seen = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        PageRequest request = PageRequest.first(2);
        while (true) {
            PhotoPage page = repository.list(gallery, request);
            page.photos().forEach(p -> seen.add(p.id()));
            sizes.add(page.photos().size());
            if (page.next().isEmpty()) {
                break;
            }
            request = request.next(page.nextToken());
        }
        assertEquals(visible.stream().map(PhotoKey::id).toList(), seen, "expired PENDING records must not be listed");
        assertEquals(List.of(2, 1), sizes, "a page is full unless it is the last, expired records or not");
    }

    @Test
    void getAllReturnsTheExistingRecordsInRequestOrder() {
        PhotoKey a = newPhoto();
        PhotoKey b = newPhoto();
        repository.create(pending(a));
        repository.create(pending(b));
        List<Photo> found = repository.getAll(List.of(b, newPhoto(), a));
        assertEquals(List.of(b.id(), a.id()), found.stream().map(Photo::id).toList());
    }

    @Test
    void deleteRemovesTheRecordAndIsIdempotent() {
        PhotoKey key = newPhoto();
        activate(key, "etag-1", "01");
        assertTrue(repository.delete(key));
        assertFalse(repository.delete(key));
        assertTrue(repository.get(key).isEmpty());
    }

    private ClaimRequest claim(PhotoKey key, String eTag, String sequencer, int maxAttempts, boolean adopt) {
        return new ClaimRequest(key, KeyLayout.standard().originalKey(key.gallery(), key.id(), "jpg"), eTag, sequencer,
                1234, "image/jpeg", UUID.randomUUID().toString(), LEASE, maxAttempts, adopt);
    }

    @Test
    void everyFieldOfARecordRoundTrips() {
        PhotoKey key = newPhoto();
        Instant now = clock.instant();
        Instant seconds = now.truncatedTo(ChronoUnit.SECONDS);          // TTL attributes keep whole seconds
        String renditionKey = KeyLayout.standard().renditionKey(key.gallery(), key.id(), "large", "webp");
        Photo photo = Photo.builder().gallery(key.gallery()).id(key.id()).status(PhotoStatus.PROCESSING)
                .owner("user-7").originalKey(KeyLayout.standard().originalKey(key.gallery(), key.id(), "heic"))
                .fileName("Été 2026.HEIC").contentType("image/heic").size(987654).dimensions(4032, 3024)
                .uploadedAt(now).processedAt(now.plusMillis(1500))
                .renditions(List.of(new Rendition("large", renditionKey, 2048, 1536, 345678, "image/webp")))
                .placeholder("LKO2?U%2Tw=w]~RBVZRi};RPxuwH").error(ErrorCode.CORRUPT_IMAGE, "earlier: truncated")
                .version(1).sequencer("0055AED6DCD90281E5").eTag("\"etag-9\"")
                .lease(new com.galerly.core.Lease("lease-token-1", now.plus(LEASE))).expiresAt(seconds.plusSeconds(60))
                .attempts(2)
                .build();
        repository.create(photo);
        assertEquals(photo, repository.get(key).orElseThrow(), "every field, attempts included, reads back");
        assertEquals(List.of(photo), repository.getAll(List.of(key)));
    }

    @Test
    void takingOverAnExpiredLeaseCountsAnAttemptAndTheLastOneGivesUp() {
        PhotoKey key = newPhoto();
        repository.create(pending(key));
        ClaimResult first = repository.claim(claim(key, "etag-1", "01", 2, true));
        assertEquals(ClaimResult.Verdict.CLAIMED, first.verdict());
        assertEquals(1, repository.get(key).orElseThrow().attempts());
        clock.advance(LEASE.plusSeconds(1));                              // the worker died
        ClaimResult second = repository.claim(claim(key, "etag-1", "01", 2, true));
        assertEquals(ClaimResult.Verdict.CLAIMED, second.verdict(), "an expired lease is reclaimed");
        assertEquals(2, repository.get(key).orElseThrow().attempts());
        clock.advance(LEASE.plusSeconds(1));                              // and the next one too
        ClaimResult third = repository.claim(claim(key, "etag-1", "01", 2, true));
        assertEquals(ClaimResult.Verdict.GAVE_UP, third.verdict());
        Photo failed = repository.get(key).orElseThrow();
        assertEquals(PhotoStatus.FAILED, failed.status());
        assertEquals(ErrorCode.LIMIT_EXCEEDED, failed.errorCode());
        assertTrue(failed.errorMessage().contains("2 attempts"), failed.errorMessage());
        assertNull(failed.lease());
        assertEquals(ClaimResult.Verdict.DUPLICATE, repository.claim(claim(key, "etag-1", "01", 2, true)).verdict());
        ClaimResult replaced = repository.claim(claim(key, "etag-2", "02", 2, true));
        assertEquals(ClaimResult.Verdict.CLAIMED, replaced.verdict(), "a new upload starts counting again");
        assertEquals(1, repository.get(key).orElseThrow().attempts());
    }

    @Test
    void aReleasedAttemptDoesNotCount() {
        PhotoKey key = newPhoto();
        for (int i = 0; i < 4; i++) {
            ClaimResult result = repository.claim(claim(key, "etag-1", "01", 1, true));
            assertEquals(ClaimResult.Verdict.CLAIMED, result.verdict(), "claim " + i);
            repository.release(key, result.lease().orElseThrow());     // a transient failure, reported
        }
        assertEquals(0, repository.get(key).orElseThrow().attempts());
    }

    @Test
    void deletingLeavesATombstoneThatHidesThePhotoAndRefusesClaims() {
        PhotoKey key = newPhoto();
        PhotoKey other = newPhoto();
        activate(key, "etag-1", "01");
        repository.create(pending(other));
        assertTrue(repository.delete(key));
        assertTrue(repository.get(key).isEmpty());
        assertEquals(List.of(other.id()), repository.getAll(List.of(key, other)).stream().map(Photo::id).toList());
        assertEquals(List.of(other.id()), repository.list(gallery, PageRequest.first(10)).photos().stream()
                .map(Photo::id).toList(), "listings never show tombstones");
        // a replayed upload (same or new ETag) or a late event never brings it back
        assertEquals(ClaimResult.Verdict.GONE, repository.claim(claim(key, "etag-1", "01")).verdict());
        assertEquals(ClaimResult.Verdict.GONE, repository.claim(claim(key, "etag-2", "09")).verdict());
        assertTrue(repository.get(key).isEmpty());
        assertEquals(ErrorCode.CONFLICT, assertThrows(GalerlyException.class,
                () -> repository.create(pending(key))).code(), "the key stays taken while the tombstone lives");
        assertFalse(repository.delete(key), "deleting twice finds nothing to delete");
    }

    @Test
    void aTombstoneOutlivesTheLongestPresignedUrl() {
        PhotoKey key = newPhoto();
        repository.create(pending(key));
        Instant deletedAt = clock.instant();
        repository.delete(key);
        Photo tombstone = PhotoTransitions.delete(java.util.Optional.of(pending(key)), deletedAt).orElseThrow();
        assertEquals(PhotoStatus.DELETED, tombstone.status());
        assertTrue(PhotoTransitions.TOMBSTONE_TTL.compareTo(Duration.ofDays(7)) > 0, "SigV4 URLs last 7 days at most");
        clock.advance(Duration.ofDays(7));
        assertEquals(ClaimResult.Verdict.GONE, repository.claim(claim(key, "etag-1", "01")).verdict());
    }

    @Test
    void aPhotoDeletedWhileProcessingCannotBeCompletedAndLeavesNoGhost() {
        PhotoKey key = newPhoto();
        repository.create(pending(key));
        ClaimResult claimed = repository.claim(claim(key, "etag-1", "01"));
        assertTrue(repository.delete(key));
        assertEquals(ErrorCode.CONFLICT, assertThrows(GalerlyException.class,
                () -> repository.complete(key, claimed.lease().orElseThrow(), completion(key))).code());
        assertEquals(ErrorCode.CONFLICT, assertThrows(GalerlyException.class, () -> repository.fail(key,
                claimed.lease().orElseThrow(), ErrorCode.CORRUPT_IMAGE, "bad")).code());
        repository.release(key, claimed.lease().orElseThrow());
        assertTrue(repository.get(key).isEmpty(), "no PROCESSING ghost");
        assertTrue(repository.list(gallery, PageRequest.first(10)).photos().isEmpty());
    }

    @Test
    void anUnknownKeyIsOnlyClaimedWhenTheRequestAdoptsIt() {
        PhotoKey key = newPhoto();
        ClaimResult refused = repository.claim(claim(key, "etag-1", "01", 3, false));
        assertEquals(ClaimResult.Verdict.GONE, refused.verdict());
        assertTrue(repository.get(key).isEmpty(), "nothing created");
        repository.create(pending(key));
        assertEquals(ClaimResult.Verdict.CLAIMED, repository.claim(claim(key, "etag-1", "01", 3, false)).verdict());
    }

    @Test
    void theSweepFindsExpiredLeasesAndOldPendingRecords() {
        PhotoKey stuck = newPhoto();
        PhotoKey waiting = newPhoto();
        PhotoKey busy = newPhoto();
        PhotoKey done = newPhoto();
        repository.claim(claim(stuck, "etag-1", "01"));
        repository.create(pending(waiting));
        activate(done, "etag-1", "01");
        clock.advance(LEASE.plusSeconds(1));
        repository.claim(claim(busy, "etag-1", "01"));                    // leased just now
        List<Photo> stale = StalePhotos.in(repository, gallery, clock.instant(), Duration.ofMinutes(10), 100);
        assertEquals(List.of(stuck.id(), waiting.id()), stale.stream().map(Photo::id).toList());
        assertEquals(1, StalePhotos.in(repository, gallery, clock.instant(), Duration.ofDays(2), 1).size());
    }

    // ---- gallery counts: ACTIVE photos and the bytes their records name (original + renditions) ----

    private ClaimRequest claim(PhotoKey key, String eTag, String sequencer, long size) {
        return new ClaimRequest(key, KeyLayout.standard().originalKey(key.gallery(), key.id(), "jpg"), eTag, sequencer,
                size, "image/jpeg", UUID.randomUUID().toString(), LEASE);
    }

    private Completion completion(PhotoKey key, String profileFingerprint, long... renditionBytes) {
        List<Rendition> renditions = new ArrayList<>();
        String[] names = {"thumbnail", "small", "medium", "large"};
        for (int i = 0; i < renditionBytes.length; i++) {
            renditions.add(new Rendition(names[i], KeyLayout.standard().renditionKey(key.gallery(), key.id(), names[i],
                    "jpg"), 400, 300, renditionBytes[i], "image/jpeg"));
        }
        return new Completion("image/jpeg", 6000, 4000, renditions, null, null, profileFingerprint);
    }

    private GalleryCounts counts(long photos, long bytes) {
        return new GalleryCounts(gallery, photos, bytes);
    }

    /** The counts recomputed from the records a listing shows, to compare with what the repository kept. */
    private GalleryCounts recount(GalleryId g) {
        GalleryCounts sum = GalleryCounts.empty(g);
        for (Photo p : repository.list(g, PageRequest.first(PageRequest.MAX_LIMIT)).photos()) {
            GalleryCounts one = GalleryCounts.of(p);
            sum = sum.plus(one.photos(), one.bytes());
        }
        return sum;
    }

    @Test
    void countsAreTheActivePhotosAndTheBytesOfTheirOriginalsAndRenditions() {
        assertEquals(counts(0, 0), repository.counts(gallery), "a gallery with no record counts nothing");
        PhotoKey first = newPhoto();
        repository.create(pending(first));
        assertEquals(counts(0, 0), repository.counts(gallery), "PENDING counts nothing");
        ClaimResult claimed = repository.claim(claim(first, "etag-1", "01", 1000));
        assertEquals(counts(0, 0), repository.counts(gallery), "PROCESSING counts nothing");
        repository.complete(first, claimed.lease().orElseThrow(), completion(first, "fp-1", 10, 20, 30));
        assertEquals(counts(1, 1060), repository.counts(gallery));

        PhotoKey second = newPhoto();
        repository.complete(second, repository.claim(claim(second, "etag-2", "02", 500)).lease().orElseThrow(),
                completion(second, "fp-1", 7));
        PhotoKey failed = newPhoto();
        repository.fail(failed, repository.claim(claim(failed, "etag-3", "03", 900)).lease().orElseThrow(),
                ErrorCode.CORRUPT_IMAGE, "truncated");
        PhotoKey rejected = newPhoto();
        repository.fail(rejected, repository.claim(claim(rejected, "etag-4", "04", 900)).lease().orElseThrow(),
                ErrorCode.INFECTED, "Eicar");
        assertEquals(counts(2, 1567), repository.counts(gallery), "FAILED and REJECTED count nothing");
        assertEquals(recount(gallery), repository.counts(gallery));
        GalleryId other = freshGallery();
        assertEquals(GalleryCounts.empty(other), repository.counts(other), "galleries are counted apart");
    }

    @Test
    void duplicatedAndReorderedDeliveriesCountOnce() {
        PhotoKey key = newPhoto();
        repository.create(pending(key));
        ClaimResult older = repository.claim(claim(key, "etag-1", "0A", 1000));
        ClaimResult newer = repository.claim(claim(key, "etag-2", "0B", 2000));    // the newer event overtakes
        assertEquals(ClaimResult.Verdict.CLAIMED, newer.verdict());
        repository.complete(key, newer.lease().orElseThrow(), completion(key, "fp-1", 100));
        assertEquals(counts(1, 2100), repository.counts(gallery));
        // the older worker finishes late, its event is redelivered, the newer one twice more
        assertThrows(GalerlyException.class,
                () -> repository.complete(key, older.lease().orElseThrow(), completion(key, "fp-1", 5)));
        assertEquals(ClaimResult.Verdict.STALE, repository.claim(claim(key, "etag-1", "0A", 1000)).verdict());
        assertEquals(ClaimResult.Verdict.DUPLICATE, repository.claim(claim(key, "etag-2", "0B", 2000)).verdict());
        assertEquals(ClaimResult.Verdict.DUPLICATE, repository.claim(claim(key, "etag-2", "0B", 2000)).verdict());
        assertThrows(GalerlyException.class,
                () -> repository.complete(key, newer.lease().orElseThrow(), completion(key, "fp-1", 100)),
                "a duplicated completion conflicts");
        assertEquals(counts(1, 2100), repository.counts(gallery));
    }

    @Test
    void failedCallsCountNothingAndTheirRetriesCountOnce() {
        FaultyPhotoRepository faulty = FaultyPhotoRepository.wrap(repository);
        PhotoKey key = newPhoto();
        faulty.create(pending(key));
        ClaimResult claimed = faulty.claim(claim(key, "etag-1", "01", 1000));
        faulty.faults().failNext("complete", 2, Fault.TRANSIENT);
        for (int i = 0; i < 2; i++) {
            assertThrows(GalerlyException.class,
                    () -> faulty.complete(key, claimed.lease().orElseThrow(), completion(key, "fp-1", 10, 10)));
            assertEquals(counts(0, 0), faulty.counts(gallery), "a failed completion counts nothing");
        }
        faulty.complete(key, claimed.lease().orElseThrow(), completion(key, "fp-1", 10, 10));
        assertEquals(counts(1, 1020), faulty.counts(gallery));
        faulty.faults().failNext("delete", 1, Fault.THROTTLED);
        assertThrows(GalerlyException.class, () -> faulty.delete(key));
        assertEquals(counts(1, 1020), faulty.counts(gallery), "a failed delete counts nothing");
        assertTrue(faulty.delete(key));
        assertEquals(counts(0, 0), faulty.counts(gallery));
        assertFalse(faulty.delete(key), "a duplicated delete finds nothing");
        assertEquals(counts(0, 0), faulty.counts(gallery), "and subtracts nothing");
        assertEquals(ClaimResult.Verdict.GONE, faulty.claim(claim(key, "etag-1", "01", 1000)).verdict(),
                "a late redelivery after the delete");
        assertEquals(counts(0, 0), faulty.counts(gallery));
    }

    @Test
    void aReplaceChangesTheBytesAndKeepsTheCount() {
        PhotoKey key = newPhoto();
        repository.complete(key, repository.claim(claim(key, "etag-1", "01", 1000)).lease().orElseThrow(),
                completion(key, "fp-1", 10, 20));
        assertEquals(counts(1, 1030), repository.counts(gallery));
        ClaimResult replace = repository.claim(claim(key, "etag-2", "02", 4000));
        assertEquals(ClaimResult.Verdict.CLAIMED, replace.verdict());
        assertEquals(counts(0, 0), repository.counts(gallery), "counted again once the new renditions are recorded");
        repository.complete(key, replace.lease().orElseThrow(), completion(key, "fp-1", 300, 400));
        assertEquals(counts(1, 4700), repository.counts(gallery));
        assertEquals(recount(gallery), repository.counts(gallery));
    }

    @Test
    void aReprofileCountsTheNewRenditionsBytes() {
        PhotoKey key = newPhoto();
        repository.complete(key, repository.claim(claim(key, "etag-1", "01", 1000)).lease().orElseThrow(),
                completion(key, "fp-1", 10, 20));
        ClaimRequest backfill = new ClaimRequest(key, KeyLayout.standard().originalKey(gallery, key.id(), "jpg"),
                "etag-1", null, 1000, "image/jpeg", UUID.randomUUID().toString(), LEASE, 5, true, "fp-2");
        ClaimResult reprofile = repository.claim(backfill);
        assertEquals(ClaimResult.Verdict.CLAIMED, reprofile.verdict());
        repository.complete(key, reprofile.lease().orElseThrow(), completion(key, "fp-2", 11, 22, 33));
        assertEquals(counts(1, 1066), repository.counts(gallery));
        assertEquals(ClaimResult.Verdict.DUPLICATE, repository.claim(backfill).verdict(), "a second backfill");
        assertEquals(counts(1, 1066), repository.counts(gallery));
    }

    @Test
    void deletingEveryPhotoOfAGalleryCountsItEmpty() {
        for (int i = 0; i < 3; i++) {
            PhotoKey key = newPhoto();
            repository.complete(key, repository.claim(claim(key, "etag-1", "01", 100)).lease().orElseThrow(),
                    completion(key, "fp-1", 1));
        }
        PhotoKey processing = newPhoto();
        repository.claim(claim(processing, "etag-1", "01", 100));
        repository.create(pending(newPhoto()));
        assertEquals(counts(3, 303), repository.counts(gallery));
        for (Photo p : repository.list(gallery, PageRequest.first(100)).photos()) {
            assertTrue(repository.delete(p.key()));
        }
        assertEquals(counts(0, 0), repository.counts(gallery));
        assertTrue(repository.list(gallery, PageRequest.first(100)).photos().isEmpty());
    }

    @Test
    void concurrentDuplicatedDeliveriesAndDeletesKeepTheCountsExact() throws Exception {
        List<PhotoKey> keys = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            PhotoKey key = newPhoto();
            repository.create(pending(key));
            keys.add(key);
        }
        int workers = 6;
        AtomicInteger completed = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        try {
            CountDownLatch start = new CountDownLatch(1);
            CyclicBarrier between = new CyclicBarrier(workers);
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                done.add(pool.submit(() -> {
                    start.await();
                    for (PhotoKey key : keys) {                       // every worker gets every event: duplicates
                        ClaimResult r = repository.claim(claim(key, "etag-1", "01", 1000));
                        if (r.claimed()) {
                            repository.complete(key, r.lease().orElseThrow(), completion(key, "fp-1", 10, 20));
                            completed.incrementAndGet();
                        }
                    }
                    between.await();                                // then every worker deletes the first two
                    repository.delete(keys.get(0));
                    repository.delete(keys.get(1));
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(4, completed.get(), "each photo completed once");
        assertEquals(counts(2, 2060), repository.counts(gallery));
        assertEquals(recount(gallery), repository.counts(gallery));
    }

    @Test
    void expiredPendingRecordsAreNeitherListedNorCounted() {
        PhotoKey expiring = newPhoto();
        repository.create(pending(expiring).toBuilder().expiresAt(clock.instant().plus(Duration.ofMinutes(5))).build());
        PhotoKey active = newPhoto();
        repository.complete(active, repository.claim(claim(active, "etag-1", "01", 100)).lease().orElseThrow(),
                completion(active, "fp-1", 1));
        clock.advance(Duration.ofMinutes(5));
        assertEquals(List.of(active.id()), repository.list(gallery, PageRequest.first(10)).photos().stream()
                .map(Photo::id).toList());
        assertEquals(counts(1, 101), repository.counts(gallery));
        assertEquals(ClaimResult.Verdict.CLAIMED, repository.claim(claim(expiring, "etag-1", "01", 50)).verdict(),
                "its upload came late after all");
        assertEquals(2, repository.list(gallery, PageRequest.first(10)).photos().size(), "claimed, it is listed again");
    }

    @Test
    void aForcedRerenderClaimsAnActivePhotoOnlyAtTheVersionItWasDecidedOn() {
        PhotoKey key = newPhoto();
        Photo active = repository.complete(key, repository.claim(claim(key, "etag-1", "01", 1000)).lease()
                .orElseThrow(), completion(key, "fp-1", 10));
        ClaimRequest backfill = new ClaimRequest(key, KeyLayout.standard().originalKey(gallery, key.id(), "jpg"),
                "etag-1", null, 1000, "image/jpeg", UUID.randomUUID().toString(), LEASE, 5, true, "fp-1");
        assertEquals(ClaimResult.Verdict.DUPLICATE, repository.claim(backfill).verdict(),
                "a matching fingerprint renders nothing");
        assertEquals(active.version(), repository.get(key).orElseThrow().version(), "and writes nothing");
        ClaimResult forced = repository.claim(backfill.forcedAt(active.version()));
        assertEquals(ClaimResult.Verdict.CLAIMED, forced.verdict());
        Photo rerendered = repository.complete(key, forced.lease().orElseThrow(), completion(key, "fp-1", 10));
        assertEquals(counts(1, 1010), repository.counts(gallery));
        assertEquals(ClaimResult.Verdict.DUPLICATE, repository.claim(backfill.forcedAt(active.version())).verdict(),
                "a duplicated repair finds the record changed");
        assertEquals(rerendered.version(), repository.get(key).orElseThrow().version());
        assertThrows(IllegalArgumentException.class, () -> backfill.forcedAt(0));
    }
}
