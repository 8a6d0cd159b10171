/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.core.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.galerly.core.ConflictException;
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
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConditionalWritesTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-03T10:00:00Z"), ZoneOffset.UTC);
    private static final PhotoKey KEY = PhotoKey.of(GalleryId.of("races"), PhotoId.generator(CLOCK).next());
    private static final String ORIGINAL = "originals/races/" + KEY.id().value() + ".jpg";

    /**
     * Records in a map with a version compare-and-set, as a store does it; {@code rivals} writes of another worker
     * land between a read and the write that follows it.
     */
    private static final class Store implements ConditionalWrites.Records<RuntimeException> {
        final Map<PhotoKey, Photo> rows = new HashMap<>();
        int rivals;
        int reads;
        int writes;

        @Override
        public Optional<Photo> read(PhotoKey key) {
            reads++;
            return Optional.ofNullable(rows.get(key));
        }

        @Override
        public boolean write(Photo next, Optional<Photo> current) {
            writes++;
            if (rivals > 0) {
                rivals--;
                Photo now = rows.get(next.key());
                rows.put(next.key(), now.toBuilder().version(now.version() + 1).build());
            }
            Optional<Long> stored = Optional.ofNullable(rows.get(next.key())).map(Photo::version);
            if (!stored.equals(current.map(Photo::version))) {
                return false;
            }
            rows.put(next.key(), next);
            return true;
        }
    }

    private static Photo pending() {
        return Photo.builder().gallery(KEY.gallery()).id(KEY.id()).status(PhotoStatus.PENDING).originalKey(ORIGINAL)
                .uploadedAt(CLOCK.instant()).expiresAt(CLOCK.instant().plus(Duration.ofDays(1))).build();
    }

    private static ClaimRequest claim(String token) {
        return new ClaimRequest(KEY, ORIGINAL, "etag-1", "0001", 1234, "image/jpeg", token, Duration.ofMinutes(5));
    }

    private static Completion completion() {
        return new Completion("image/jpeg", 640, 480,
                List.of(new Rendition("thumb", "renditions/races/thumb.webp", 200, 150, 999, "image/webp")), null);
    }

    @Test
    void createStartsAtVersionOneAndRefusesAnExistingKey() {
        Store store = new Store();
        ConditionalWrites.create(store, pending().toBuilder().version(0).build());
        assertEquals(1, store.rows.get(KEY).version());
        ConflictException e = assertThrows(ConflictException.class, () -> ConditionalWrites.create(store, pending()));
        assertTrue(e.getMessage().contains(KEY.toString()), e.getMessage());
        assertEquals(1, store.rows.get(KEY).version(), "the record is untouched");
    }

    @Test
    void eachDecisionOfTheTransitionsIsWrittenOnce() {
        Store store = new Store();
        ConditionalWrites.create(store, pending());
        ClaimResult claimed = ConditionalWrites.claim(store, claim("worker-1"), CLOCK);
        assertEquals(ClaimResult.Verdict.CLAIMED, claimed.verdict());
        assertEquals(claimed.photo(), store.rows.get(KEY));
        Photo done = ConditionalWrites.complete(store, KEY, claimed.photo().lease(), completion(), CLOCK);
        assertEquals(PhotoStatus.ACTIVE, done.status());
        assertEquals(done, store.rows.get(KEY));
        assertEquals(3, store.writes, "create, claim, complete: one write each");
        assertTrue(ConditionalWrites.delete(store, KEY, CLOCK));
        assertEquals(PhotoStatus.DELETED, store.rows.get(KEY).status());
    }

    @Test
    void aDecisionThatChangesNothingWritesNothing() {
        Store store = new Store();
        assertFalse(ConditionalWrites.delete(store, KEY, CLOCK), "nothing to delete");
        ConditionalWrites.create(store, pending());
        int writes = store.writes;
        ConditionalWrites.release(store, KEY, new Lease("not-held", CLOCK.instant().plusSeconds(60)), CLOCK);
        assertEquals(writes, store.writes, "a lease nobody holds releases nothing");
    }

    @Test
    void aLostRaceDecidesAgainOnAFreshRead() {
        Store store = new Store();
        ConditionalWrites.create(store, pending());
        store.rivals = 2;
        store.reads = 0;
        ClaimResult claimed = ConditionalWrites.claim(store, claim("worker-1"), CLOCK);
        assertEquals(ClaimResult.Verdict.CLAIMED, claimed.verdict());
        assertEquals(3, store.reads, "two lost races, each decided again on a fresh read");
        assertEquals(4, claimed.photo().version(), "written over the rivals' version 3");
        assertEquals(claimed.photo(), store.rows.get(KEY));
    }

    @Test
    void afterMaxRacesTheWriteIsARetryableConflict() {
        Store store = new Store();
        ConditionalWrites.create(store, pending());
        store.rivals = Integer.MAX_VALUE;
        store.writes = 0;
        GalerlyException e = assertThrows(GalerlyException.class,
                () -> ConditionalWrites.claim(store, claim("worker-1"), CLOCK));
        assertEquals(ErrorCode.CONFLICT, e.code());
        assertTrue(e.retryable(), "another attempt may well win");
        assertEquals(ConditionalWrites.MAX_RACES, store.writes);
    }

    @Test
    void theStoresCheckedExceptionPassesThrough() {
        ConditionalWrites.Records<IOException> broken = new ConditionalWrites.Records<>() {
            @Override
            public Optional<Photo> read(PhotoKey key) throws IOException {
                throw new IOException("connection reset");
            }

            @Override
            public boolean write(Photo next, Optional<Photo> current) {
                throw new AssertionError("never reached");
            }
        };
        IOException e = assertThrows(IOException.class, () -> ConditionalWrites.delete(broken, KEY, CLOCK));
        assertEquals("connection reset", e.getMessage());
    }

    @Test
    void argumentsAreChecked() {
        Store store = new Store();
        assertThrows(NullPointerException.class, () -> ConditionalWrites.delete(store, null, CLOCK));
        assertThrows(NullPointerException.class, () -> ConditionalWrites.delete(null, KEY, CLOCK));
        assertThrows(NullPointerException.class, () -> ConditionalWrites.delete(store, KEY, null));
        assertThrows(IllegalArgumentException.class, () -> ConditionalWrites.backOff(-1));
    }

    @Test
    void pausesGrowAndStayShort() {
        for (int attempt = 0; attempt < 40; attempt++) {
            long pause = ConditionalWrites.pauseMillis(attempt);
            long base = 1L << Math.min(attempt, 6);
            assertTrue(pause >= Math.min(base, 100) && pause <= 100, attempt + ": " + pause);
        }
    }

    @Test
    void anInterruptedBackOffIsAnIoErrorAndKeepsTheInterrupt() {
        Thread.currentThread().interrupt();
        try {
            GalerlyException e = assertThrows(GalerlyException.class, () -> ConditionalWrites.backOff(0));
            assertEquals(ErrorCode.IO_ERROR, e.code());
            assertTrue(Thread.currentThread().isInterrupted(), "the interrupt is kept for the caller");
        } finally {
            Thread.interrupted();
        }
    }
}
