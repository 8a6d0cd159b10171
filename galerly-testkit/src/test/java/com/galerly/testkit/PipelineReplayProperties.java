/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.galerly.core.GalerlyException;
import com.galerly.core.GalleryId;
import com.galerly.core.KeyLayout;
import com.galerly.core.Photo;
import com.galerly.core.PhotoId;
import com.galerly.core.PhotoKey;
import com.galerly.core.image.RenditionProfile;
import com.galerly.core.pipeline.ObjectCreated;
import com.galerly.core.pipeline.Outcome;
import com.galerly.core.pipeline.RenditionPipeline;
import com.galerly.core.storage.BlobMetadata;
import com.galerly.core.storage.PutOptions;
import com.galerly.testkit.property.Cases;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A week of uploads (some photos replaced up to twice) whose events are delivered twice, shuffled, with random
 * transient faults in storage and in the repository: every photo must end ACTIVE with the renditions of its
 * latest upload, and nothing may be left behind.
 */
class PipelineReplayProperties {
    private static final Duration LEASE = Duration.ofMinutes(5);

    private record Week(int photoCount, int faultPercent, long seed) {
    }

    @Test
    void replayedShuffledFaultyDeliveryConvergesToTheLatestUploads() {
        Cases.check(60, g -> new Week(g.ints(1, 12), g.ints(0, 30), g.seed()), this::replay);
    }

    private void replay(Week week) {
        Random random = new Random(week.seed());
        TestClock clock = TestClock.standard();
        InMemoryBlobStore blobs = new InMemoryBlobStore(clock);
        InMemoryPhotoRepository photos = new InMemoryPhotoRepository(clock);
        FakeImageProcessor processor = new FakeImageProcessor();
        KeyLayout layout = KeyLayout.standard();
        RenditionPipeline pipeline = RenditionPipeline.builder().adoptUnknownOriginals(true)   // originals put directly: adopted
                .processor(processor).blobs(blobs).photos(photos)
                .profile(RenditionProfile.standard()).layout(layout).clock(clock).leaseDuration(LEASE)
                .maxAttempts(100)       // a release lost to a fault counts as a dead worker; here none may give up
                .build();

        GalleryId gallery = GalleryId.of("week");
        PhotoId.Generator ids = PhotoId.generator(clock);
        List<ObjectCreated> events = new ArrayList<>();
        Map<PhotoKey, int[]> latest = new HashMap<>();
        long sequencer = 0x1000;
        for (int p = 0; p < week.photoCount(); p++) {
            PhotoKey photo = new PhotoKey(gallery, ids.next());
            int uploads = 1 + random.nextInt(3);
            for (int u = 0; u < uploads; u++) {
                int w = 100 + random.nextInt(6000);
                int h = 100 + random.nextInt(6000);
                String key = layout.originalKey(gallery, photo.id(), "jpg");
                BlobMetadata head = blobs.put(key, FakeImage.of(w, h).toBytes(), PutOptions.of("image/jpeg"));
                events.add(new ObjectCreated("bucket", key, head.size(), head.eTag(), null,
                        Long.toHexString(sequencer += 1 + random.nextInt(50)).toUpperCase()));
                latest.put(photo, new int[] {w, h});
            }
            clock.advance(Duration.ofMinutes(random.nextInt(1440)));
        }
        List<ObjectCreated> deliveries = new ArrayList<>(events);
        deliveries.addAll(events);
        Collections.shuffle(deliveries, random);

        blobs.faults().failRandomly(week.faultPercent() / 100.0, Fault.TRANSIENT, random.nextLong());
        photos.faults().failRandomly(week.faultPercent() / 200.0, Fault.THROTTLED, random.nextLong());
        Deque<ObjectCreated> queue = new ArrayDeque<>(deliveries);
        int attempts = 0;
        while (!queue.isEmpty()) {
            assertTrue(++attempts < 100_000, "delivery does not converge");
            ObjectCreated event = queue.poll();
            try {
                Outcome outcome = pipeline.handle(event);
                assertTrue(outcome.kind() != Outcome.Kind.REJECTED && outcome.kind() != Outcome.Kind.IGNORED,
                        outcome.toString());
            } catch (GalerlyException e) {
                assertTrue(e.retryable(), e.toString());
                queue.add(event);                       // the event source redelivers later
                clock.advance(random.nextBoolean() ? LEASE.plusSeconds(1) : Duration.ofSeconds(1));
            }
        }
        blobs.faults().clear();
        photos.faults().clear();

        GalleryAudit.Report audit = GalleryAudit.of(photos, blobs, layout, RenditionProfile.standard()).audit(gallery);
        assertTrue(audit.consistent(), audit.problems().toString());
        assertEquals(latest.size(), audit.active());
        for (Map.Entry<PhotoKey, int[]> e : latest.entrySet()) {
            Photo photo = photos.get(e.getKey()).orElseThrow();
            assertEquals(e.getValue()[0], photo.width());
            assertEquals(e.getValue()[1], photo.height());
            assertEquals(blobs.head(photo.originalKey()).orElseThrow().eTag(), photo.eTag());
        }
    }
}
