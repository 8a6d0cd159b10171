/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.galerly.core.ErrorCode;
import com.galerly.core.GalerlyException;
import com.galerly.core.GalleryId;
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
import com.galerly.core.photo.PhotoRepository;
import com.galerly.testkit.PhotoRepositoryContract;
import com.galerly.testkit.TestClock;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The contract plus what only JDBC has (schema versions, the expiry sweep, every column round-tripping, SQL
 * errors), run on every database the repository supports: each subclass supplies one data source per class.
 */
abstract class JdbcRepositoryChecks extends PhotoRepositoryContract {
    /** The database of this test class, its schema already created. */
    protected abstract DataSource dataSource();

    /** An empty database (no tables) on the same server. */
    protected abstract DataSource emptyDatabase();

    @Override
    protected PhotoRepository repository(TestClock clock) {
        return JdbcPhotoRepository.create(dataSource(), clock);
    }

    private static GalleryId gallery(String prefix) {
        return GalleryId.of(prefix + "-" + java.util.UUID.randomUUID().toString().substring(0, 8));
    }

    @Test
    void everyFieldOfEveryStatusRoundTrips() throws Exception {
        GalleryId gallery = gallery("fields");
        PhotoId.Generator ids = PhotoId.generator(clock);
        Instant now = Instant.parse("2026-03-04T05:06:07.123456Z");
        Photo processing = Photo.builder().gallery(gallery).id(ids.next()).status(PhotoStatus.PROCESSING)
                .owner("user \"7\" ünïcødé").originalKey("originals/" + gallery + "/x.jpg").fileName("Ça va; 'DROP'.JPG")
                .contentType("image/jpeg").size(9_876_543_210L).dimensions(6000, 4000).uploadedAt(now)
                .processedAt(now.plusMillis(1500)).placeholder("LEHV6nWB2yk8pyo0adR*.7kCMdnj")
                .renditions(List.of(
                        new Rendition("thumbnail", "renditions/t.jpg", 400, 400, 12_345, "image/jpeg"),
                        new Rendition("small", "renditions/s \\ \"q\".webp", 800, 533, 45_678, "image/webp"),
                        new Rendition("large", "renditions/l.jpg", 4000, 2667, 3_000_000_000L, "image/jpeg")))
                .version(41).sequencer("0055AED6DCD90281E5").eTag("\"d41d8cd98f00b204e9800998ecf8427e\"")
                .lease(new Lease("lease-1", now.plusSeconds(900))).expiresAt(now.plusSeconds(86_400))
                .sha256("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08").attempts(2)
                .profileFingerprint("p1-9f2c0e7a").build();
        // FAILED with every field set, lease and expiry included: storage round-trips whatever Photo allows
        Photo failed = processing.toBuilder().id(ids.next()).status(PhotoStatus.FAILED)
                .error(ErrorCode.CORRUPT_IMAGE, "premature end of JPEG data").build();
        for (java.lang.reflect.RecordComponent field : Photo.class.getRecordComponents()) {
            Object value = field.getAccessor().invoke(failed);
            assertTrue(isSet(value), "this sample sets every Photo field, so that a new field PhotoRows does not map"
                    + " fails here: set " + field.getName());
        }
        Photo bare = Photo.builder().gallery(gallery).id(ids.next()).originalKey("originals/b.png").uploadedAt(now)
                .version(1).build();
        for (Photo photo : List.of(processing, failed, bare)) {
            repository.create(photo);
            assertEquals(photo, repository.get(photo.key()).orElseThrow());
        }
        assertEquals(List.of("thumbnail", "small", "large"),
                new ArrayList<>(repository.get(processing.key()).orElseThrow().renditions().keySet()), "profile order");
        assertEquals(List.of(processing, failed, bare), repository.list(gallery, PageRequest.first(10)).photos());
    }

    private static boolean isSet(Object value) {
        if (value instanceof Number n) {
            return n.longValue() != 0;
        }
        if (value instanceof java.util.Map<?, ?> m) {
            return !m.isEmpty();
        }
        return value != null;
    }

    @Test
    void theSweepDeletesOnlyPendingRecordsPastTheirExpiry() {
        // a database of its own: the sweep covers every gallery, and other tests leave expired records behind
        JdbcPhotoRepository repository = JdbcPhotoRepository.create(emptyDatabase(), clock);
        repository.createSchema();
        GalleryId gallery = gallery("sweep");
        PhotoId.Generator ids = PhotoId.generator(clock);
        Instant now = clock.instant();
        List<PhotoKey> kept = new ArrayList<>();
        List<Photo> photos = List.of(
                pendingUntil(gallery, ids.next(), now.plus(Duration.ofHours(1))),
                pendingUntil(gallery, ids.next(), now.plus(Duration.ofHours(2))),
                pendingUntil(gallery, ids.next(), now.plus(Duration.ofDays(2))),
                pendingUntil(gallery, ids.next(), null),
                pendingUntil(gallery, ids.next(), now.plus(Duration.ofHours(1))).toBuilder()
                        .status(PhotoStatus.FAILED).error(ErrorCode.UNSUPPORTED_FORMAT, "not an image").build());
        photos.forEach(repository::create);
        kept.addAll(photos.subList(2, 5).stream().map(Photo::key).toList());

        assertEquals(0, repository.deleteExpiredPending());
        clock.advance(Duration.ofHours(2));     // the first expired an hour ago, the second expires exactly now
        assertEquals(2, repository.deleteExpiredPending());
        assertEquals(0, repository.deleteExpiredPending(), "a second sweep finds nothing");
        assertTrue(repository.get(photos.get(0).key()).isEmpty());
        assertTrue(repository.get(photos.get(1).key()).isEmpty());
        assertEquals(kept, repository.getAll(kept).stream().map(Photo::key).toList());
    }

    private static Photo pendingUntil(GalleryId gallery, PhotoId id, Instant expiresAt) {
        return Photo.builder().gallery(gallery).id(id).status(PhotoStatus.PENDING)
                .originalKey("originals/" + gallery + "/" + id + ".jpg").uploadedAt(Instant.EPOCH).expiresAt(expiresAt)
                .build();
    }

    @Test
    void createSchemaIsIdempotentAndRecordsItsVersion() throws Exception {
        DataSource empty = emptyDatabase();
        JdbcPhotoRepository fresh = JdbcPhotoRepository.create(empty, clock);
        GalerlyException missing = assertThrows(GalerlyException.class,
                () -> fresh.get(new PhotoKey(GalleryId.of("g"), PhotoId.generator(clock).next())));
        assertEquals(ErrorCode.CONFIGURATION, missing.code(), missing.getMessage());
        assertTrue(missing.getMessage().contains("createSchema"), missing.getMessage());

        fresh.createSchema();
        PhotoKey key = new PhotoKey(GalleryId.of("g"), PhotoId.generator(clock).next());
        fresh.create(pendingUntil(key.gallery(), key.id(), null));
        fresh.createSchema();       // again: nothing changes, nothing is lost
        assertTrue(fresh.get(key).isPresent());
        try (Connection c = empty.getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT version, script FROM galerly_schema_version ORDER BY version")) {
            assertTrue(r.next());
            assertEquals(1, r.getInt(1));
            assertEquals("V1__photos.sql", r.getString(2));
            assertTrue(r.next());
            assertEquals(2, r.getInt(1));
            assertEquals("V2__photo_fields.sql", r.getString(2));
            assertTrue(r.next());
            assertEquals(3, r.getInt(1));
            assertEquals("V3__profile_fingerprint.sql", r.getString(2));
            assertTrue(r.next());
            assertEquals(4, r.getInt(1));
            assertEquals("V4__gallery_counts.sql", r.getString(2));
            assertTrue(!r.next(), "one row per version");
        }
    }

    @Test
    void workersOnSeparateConnectionsRacingToClaimAnAbsentPhotoInsertItOnce() throws Exception {
        int workers = 6;
        for (int round = 0; round < 3; round++) {
            PhotoKey key = new PhotoKey(gallery("race"), PhotoId.generator(clock).next());
            java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(workers);
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(workers);
            try {
                List<java.util.concurrent.Future<ClaimResult>> results = new ArrayList<>();
                for (int i = 0; i < workers; i++) {
                    // a repository per worker, as in separate processes: only the database arbitrates
                    JdbcPhotoRepository own = JdbcPhotoRepository.create(dataSource(), clock);
                    results.add(pool.submit(() -> {
                        start.await();
                        return own.claim(new ClaimRequest(key, "originals/" + key.gallery() + "/" + key.id() + ".jpg",
                                "etag-1", "01", 10, "image/jpeg", java.util.UUID.randomUUID().toString(),
                                Duration.ofMinutes(15)));
                    }));
                }
                List<ClaimResult.Verdict> outcomes = new ArrayList<>();
                for (java.util.concurrent.Future<ClaimResult> f : results) {
                    outcomes.add(f.get().verdict());
                }
                assertEquals(1, outcomes.stream().filter(o -> o == ClaimResult.Verdict.CLAIMED).count(), outcomes.toString());
                assertEquals(workers - 1, outcomes.stream().filter(o -> o == ClaimResult.Verdict.BUSY).count(),
                        outcomes.toString());
                assertEquals(1, repository.get(key).orElseThrow().version());
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void getAllReadsMoreThanOneBatchAcrossGalleriesInRequestOrder() {
        PhotoId.Generator ids = PhotoId.generator(clock);
        List<PhotoKey> keys = new ArrayList<>();
        for (int i = 0; i < 130; i++) {
            PhotoKey key = new PhotoKey(i % 2 == 0 ? GalleryId.of("batch-a") : GalleryId.of("batch-b"), ids.next());
            keys.add(key);
            repository.create(pendingUntil(key.gallery(), key.id(), null));
        }
        List<PhotoKey> reversed = new ArrayList<>(keys);
        Collections.reverse(reversed);
        assertEquals(reversed, repository.getAll(reversed).stream().map(Photo::key).toList());
    }

    @Test
    void tokensOfRepositoriesSharingAKeyWorkAcrossThemAndTheBuilderNamesBadSettings() {
        byte[] key = "0123456789abcdef0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        JdbcPhotoRepository a = JdbcPhotoRepository.builder().dataSource(dataSource()).clock(clock).pageTokenKey(key)
                .build();
        JdbcPhotoRepository b = JdbcPhotoRepository.builder().dataSource(dataSource()).clock(clock).pageTokenKey(key)
                .build();
        GalleryId gallery = gallery("shared");
        PhotoId.Generator ids = PhotoId.generator(clock);
        PhotoId first = ids.next();
        PhotoId second = ids.next();
        a.create(pendingUntil(gallery, first, null));
        a.create(pendingUntil(gallery, second, null));
        String token = a.list(gallery, PageRequest.first(1)).nextToken();
        assertEquals(List.of(second), b.list(gallery, PageRequest.first(1).next(token)).photos().stream()
                .map(Photo::id).toList());
        assertNotEquals(token, ((JdbcPhotoRepository) repository).list(gallery, PageRequest.first(1)).nextToken(),
                "another key makes other tokens");

        assertEquals("page token key must have at least 16 bytes, had 4", assertThrows(IllegalArgumentException.class,
                () -> JdbcPhotoRepository.builder().pageTokenKey(new byte[4])).getMessage());
        assertTrue(assertThrows(IllegalStateException.class, () -> JdbcPhotoRepository.builder().clock(clock).build())
                .getMessage().contains("dataSource"));
        assertTrue(assertThrows(RuntimeException.class, () -> JdbcPhotoRepository.builder().dataSource(null))
                .getMessage().contains("dataSource"));
    }

    private Photo activeIn(GalleryId gallery, long size, long... renditionBytes) {
        PhotoKey key = new PhotoKey(gallery, PhotoId.generator(clock).next());
        ClaimResult claimed = repository.claim(new ClaimRequest(key, "originals/" + gallery + "/" + key.id() + ".jpg",
                "etag-1", "01", size, "image/jpeg", java.util.UUID.randomUUID().toString(), Duration.ofMinutes(15)));
        List<Rendition> renditions = new ArrayList<>();
        for (int i = 0; i < renditionBytes.length; i++) {
            renditions.add(new Rendition("r" + i, "renditions/" + gallery + "/" + key.id() + "_r" + i + ".jpg", 10, 10,
                    renditionBytes[i], "image/jpeg"));
        }
        return repository.complete(key, claimed.lease().orElseThrow(),
                new Completion("image/jpeg", 10, 10, renditions, null));
    }

    @Test
    void theV4MigrationAndRecountCountTheRowsAlreadyThere() throws Exception {
        GalleryId a = gallery("before-v4");
        GalleryId b = gallery("before-v4");
        activeIn(a, 100, 1, 2);
        activeIn(a, 200, 3);
        activeIn(b, 50, 5);
        JdbcPhotoRepository jdbc = (JdbcPhotoRepository) repository;
        assertEquals(new GalleryCounts(a, 2, 306), jdbc.counts(a));
        // as if V4 had been applied by a migration tool that does not run createSchema()'s counting step
        try (Connection c = dataSource().getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM galerly_gallery WHERE gallery IN ('" + a + "', '" + b + "')");
        }
        assertEquals(GalleryCounts.empty(a), jdbc.counts(a));
        assertEquals(new GalleryCounts(a, 2, 306), jdbc.recount(a));
        assertEquals(new GalleryCounts(a, 2, 306), jdbc.counts(a));
        assertEquals(new GalleryCounts(a, 2, 306), jdbc.recount(a), "recounting again changes nothing");
        // createSchema()'s step after V4 counts every gallery at once (run here on the current rows)
        try (Connection c = dataSource().getConnection()) {
            c.setAutoCommit(false);
            com.galerly.jdbc.internal.GalleryCountRows.recountAll(c);
            c.commit();
            c.setAutoCommit(true);
        }
        assertEquals(new GalleryCounts(a, 2, 306), jdbc.counts(a));
        assertEquals(new GalleryCounts(b, 1, 55), jdbc.counts(b));
    }

    @Test
    void countsAreOneSelect() throws Exception {
        GalleryId g = gallery("one-select");
        activeIn(g, 100, 1);
        java.util.concurrent.atomic.AtomicInteger statements = new java.util.concurrent.atomic.AtomicInteger();
        DataSource counting = InstrumentedDataSource.wrap(dataSource(), statements, sql -> false);
        JdbcPhotoRepository jdbc = JdbcPhotoRepository.create(counting, clock);
        assertEquals(new GalleryCounts(g, 1, 101), jdbc.counts(g));
        assertEquals(1, statements.get(), "one statement");
    }

    @Test
    void aFailureBetweenThePhotoRowAndTheGalleryRowRollsBothBack() {
        GalleryId g = gallery("atomic");
        PhotoKey key = new PhotoKey(g, PhotoId.generator(clock).next());
        DataSource failing = InstrumentedDataSource.wrap(dataSource(), new java.util.concurrent.atomic.AtomicInteger(),
                sql -> sql.startsWith("UPDATE galerly_gallery"));
        JdbcPhotoRepository broken = JdbcPhotoRepository.create(failing, clock);
        ClaimResult claimed = broken.claim(new ClaimRequest(key, "originals/" + g + "/" + key.id() + ".jpg", "etag-1",
                "01", 100, "image/jpeg", "lease-1", Duration.ofMinutes(15)));      // counts nothing: no gallery row
        Completion completion = new Completion("image/jpeg", 10, 10, List.of(new Rendition("r0",
                "renditions/" + g + "/" + key.id() + "_r0.jpg", 10, 10, 5, "image/jpeg")), null);
        GalerlyException lost = assertThrows(GalerlyException.class,
                () -> broken.complete(key, claimed.lease().orElseThrow(), completion));
        assertEquals(ErrorCode.IO_ERROR, lost.code());
        assertEquals(PhotoStatus.PROCESSING, repository.get(key).orElseThrow().status(),
                "the photo row's update was rolled back with the gallery row's");
        assertEquals(GalleryCounts.empty(g), repository.counts(g));
        repository.complete(key, claimed.lease().orElseThrow(), completion);   // the retry, on a healthy connection
        assertEquals(new GalleryCounts(g, 1, 105), repository.counts(g));
    }
}
