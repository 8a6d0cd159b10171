/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.galerly.core.GalerlyException;
import com.galerly.core.GalleryId;
import com.galerly.core.KeyLayout;
import com.galerly.core.PhotoId;
import com.galerly.core.PhotoKey;
import com.galerly.core.pipeline.ObjectCreated;
import com.galerly.core.pipeline.RenditionPipeline;
import com.galerly.core.storage.BlobMetadata;
import com.galerly.core.storage.PutOptions;
import com.galerly.testkit.FakeImage;
import com.galerly.testkit.FakeImageProcessor;
import com.galerly.testkit.Fault;
import com.galerly.testkit.InMemoryBlobStore;
import com.galerly.testkit.InMemoryPhotoRepository;
import com.galerly.testkit.TestClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The Micrometer adapter of the docs, on a pipeline over the test kit's fakes. */
class MicrometerMetricsTest {
    private final TestClock clock = TestClock.standard();
    private final InMemoryBlobStore blobs = new InMemoryBlobStore(clock);
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final RenditionPipeline pipeline = RenditionPipeline.builder().adoptUnknownOriginals(true)   // originals put directly
            .processor(new FakeImageProcessor())
            .blobs(blobs).photos(new InMemoryPhotoRepository(clock)).clock(clock)
            .metrics(new MicrometerMetrics(registry)).build();
    private final PhotoId.Generator ids = PhotoId.generator(clock);

    private ObjectCreated upload(byte[] bytes) {
        PhotoKey photo = new PhotoKey(GalleryId.of("g"), ids.next());
        BlobMetadata head = blobs.put(KeyLayout.standard().originalKey(photo.gallery(), photo.id(), "jpg"), bytes,
                PutOptions.of("image/jpeg"));
        return new ObjectCreated("photos", head.key(), head.size(), head.eTag(), null, "01");
    }

    @Test
    void outcomesStagesBytesAndFailuresBecomeMeters() {
        ObjectCreated good = upload(FakeImage.of(1000, 800).toBytes());
        pipeline.handle(good);
        pipeline.handle(good);                                               // a redelivery: DUPLICATE
        pipeline.handle(upload("not an image".getBytes(StandardCharsets.UTF_8)));
        ObjectCreated flaky = upload(FakeImage.of(500, 500).toBytes());
        blobs.faults().failNext("head", 1, Fault.TRANSIENT);
        assertThrows(GalerlyException.class, () -> pipeline.handle(flaky));

        assertEquals(1, registry.get("galerly.photos").tags("outcome", "PROCESSED", "error.code", "NONE").timer().count());
        assertEquals(1, registry.get("galerly.photos").tags("outcome", "DUPLICATE").timer().count());
        assertEquals(1, registry.get("galerly.photos").tags("outcome", "REJECTED", "error.code", "UNSUPPORTED_FORMAT")
                .timer().count());
        assertEquals(1.0, registry.get("galerly.failures").tags("error.code", "IO_ERROR", "retryable", "true")
                .counter().count());
        assertEquals(2, registry.get("galerly.stage").tags("stage", "render").timer().count(),
                "rendered twice: the good photo and the bad one");
        assertEquals(1, registry.get("galerly.stage").tags("stage", "store").timer().count());
        assertEquals(good.size(), (long) registry.get("galerly.bytes.in").summary().max());
    }
}
