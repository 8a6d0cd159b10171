/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.galerly.core.GalleryId;
import com.galerly.core.PhotoId;
import com.galerly.core.PhotoKey;
import com.galerly.core.upload.ContentIndex;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ContentIndex} must do: one holder per gallery and digest, conditional replace and remove.
 * The in-memory fake and the DynamoDB index both extend it.
 *
 * <pre>{@code
 * class DynamoDbContentIndexTest extends ContentIndexContract {
 *     @Override protected ContentIndex index() { return DynamoDbContentIndex.create(client, "photos"); }
 * }
 * }</pre>
 */
public abstract class ContentIndexContract {
    private final PhotoId.Generator ids = PhotoId.generator(TestClock.at(Instant.parse("2026-12-03T08:00:00Z")));

    /** A fresh (or shared, as long as digests do not collide across tests) index. */
    protected abstract ContentIndex index();

    private static String digest(String seed) {
        return Integer.toHexString(seed.hashCode() & 0x7fffffff) + "0".repeat(56) + Long.toHexString(System.nanoTime() & 0xff);
    }

    private PhotoKey photo(String gallery) {
        return new PhotoKey(GalleryId.of(gallery), ids.next());
    }

    @Test
    void theFirstPhotoHoldsTheDigestPerGallery() {
        ContentIndex index = index();
        String sha = digest("first");
        PhotoKey a = photo("g1");
        PhotoKey b = photo("g1");
        PhotoKey elsewhere = photo("g2");
        assertEquals(a, index.putIfAbsent(sha, a));
        assertEquals(a, index.putIfAbsent(sha, b), "the second upload of the same bytes finds the first");
        assertEquals(a, index.putIfAbsent(sha, a), "idempotent for the holder");
        assertEquals(elsewhere, index.putIfAbsent(sha, elsewhere), "another gallery is another index");
    }

    @Test
    void replaceAndRemoveAreConditionalOnTheHolder() {
        ContentIndex index = index();
        String sha = digest("replace");
        PhotoKey a = photo("g3");
        PhotoKey b = photo("g3");
        PhotoKey c = photo("g3");
        index.putIfAbsent(sha, a);
        assertEquals(a, index.replace(sha, c, b), "a stale expectation changes nothing");
        assertEquals(b, index.replace(sha, a, b));
        index.remove(sha, a);                                   // not the holder: ignored
        assertEquals(b, index.putIfAbsent(sha, c));
        index.remove(sha, b);
        assertEquals(c, index.putIfAbsent(sha, c), "removed: the next photo holds it");
    }

    @Test
    void concurrentUploadsOfTheSameBytesAgreeOnOneHolder() throws Exception {
        ContentIndex index = index();
        String sha = digest("race");
        List<Callable<PhotoKey>> racers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            PhotoKey mine = photo("g4");
            racers.add(() -> index.putIfAbsent(sha, mine));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            Set<PhotoKey> holders = new HashSet<>();
            for (Future<PhotoKey> f : pool.invokeAll(racers)) {
                holders.add(f.get());
            }
            assertEquals(1, holders.size(), "exactly one holder: " + holders);
        } finally {
            pool.shutdownNow();
        }
    }
}
