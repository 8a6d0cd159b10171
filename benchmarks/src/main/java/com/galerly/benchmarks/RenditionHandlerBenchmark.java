/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.benchmarks;

import com.galerly.core.GalleryId;
import com.galerly.core.KeyLayout;
import com.galerly.core.PhotoId;
import com.galerly.core.image.RenditionProfile;
import com.galerly.core.pipeline.ObjectCreated;
import com.galerly.core.pipeline.Outcome;
import com.galerly.core.pipeline.RenditionPipeline;
import com.galerly.core.storage.BlobMetadata;
import com.galerly.core.storage.PutOptions;
import com.galerly.imaging.GalerlyImaging;
import com.galerly.testkit.InMemoryBlobStore;
import com.galerly.testkit.InMemoryPhotoRepository;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The whole handler path for one uploaded photo, on the test kit's in-memory fakes: HEAD the original, claim the
 * record, read the bytes, decode once, render the standard ladder, write four renditions, complete the record.
 * Single-threaded, so the score is photos per second per core (what a Lambda vCPU or an SQS worker sustains);
 * storage and database latency are left out on purpose, they depend on the deployment, not on Galerly.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar RenditionHandler}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-Djava.awt.headless=true"})
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
public class RenditionHandlerBenchmark {
    private static final String BUCKET = "photos";

    /** A 12 MP phone photo by default. */
    @Param("generated:4032x3024")
    public String source;

    private final Clock clock = Clock.systemUTC();
    private final KeyLayout layout = KeyLayout.standard();
    private final GalleryId gallery = GalleryId.of("benchmark");
    private InMemoryBlobStore blobs;
    private RenditionPipeline pipeline;
    private PhotoId.Generator ids;
    private byte[] original;

    @Setup
    public void setUp() throws IOException {
        original = Files.readAllBytes(PhotoFixtures.resolve(source, PhotoFixtures.dir()));
        blobs = new InMemoryBlobStore(clock);
        pipeline = RenditionPipeline.builder().processor(GalerlyImaging.processor()).blobs(blobs)
                .photos(new InMemoryPhotoRepository(clock)).profile(RenditionProfile.standard()).layout(layout)
                .clock(clock).adoptUnknownOriginals(true).build();     // originals put directly, as a backfill
        ids = PhotoId.generator(clock);
    }

    @Benchmark
    public Outcome photo() {
        String key = layout.originalKey(gallery, ids.next(), "jpg");
        BlobMetadata head = blobs.put(key, original, PutOptions.of("image/jpeg"));
        Outcome outcome = pipeline.handle(new ObjectCreated(BUCKET, key, head.size(), head.eTag(), null, null));
        if (outcome.kind() != Outcome.Kind.PROCESSED) {
            throw new IllegalStateException("the photo was not processed: " + outcome);
        }
        blobs.deleteAll(blobs.list(layout.originalsPrefix(gallery)));       // keep the heap flat across iterations
        blobs.deleteAll(blobs.list("renditions/"));
        return outcome;
    }
}
