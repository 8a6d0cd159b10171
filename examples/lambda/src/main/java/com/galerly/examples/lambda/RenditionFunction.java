/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.examples.lambda;

import com.galerly.aws.lambda.LambdaSettings;
import com.galerly.aws.lambda.RenditionHandler;
import com.galerly.core.image.ImageProcessor;
import com.galerly.core.image.ImageProcessors;
import com.galerly.core.image.ImageSource;
import com.galerly.core.image.ProcessedImage;
import com.galerly.core.image.RenditionProfile;
import com.galerly.core.pipeline.RenditionPipeline;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;

/**
 * The rendition function for SnapStart: {@link RenditionHandler} configured from the environment, plus a CRaC
 * {@code beforeCheckpoint} hook that renders a bundled sample photo through the same processor and profile the
 * function uses. The snapshot is then taken of a JVM whose decoder, resampler, encoders and BlurHash code are
 * loaded, initialised and JIT-compiled, so the first upload after a restore does not pay for it.
 *
 * <p>Priming touches no network and no AWS resource (a snapshot must not carry open connections or
 * per-invocation state). Outside SnapStart (a plain JVM) the hook is never called and nothing changes.
 *
 * <pre>{@code
 * # template.yaml
 * Handler: com.galerly.examples.lambda.RenditionFunction::handleRequest
 * SnapStart: { ApplyOn: PublishedVersions }
 * AutoPublishAlias: live
 * }</pre>
 */
public final class RenditionFunction extends RenditionHandler implements Resource {
    static final String SAMPLE = "priming-sample.jpg";

    private final ImageProcessor processor;
    private final RenditionProfile profile;
    private final AtomicInteger primed = new AtomicInteger();

    /** Configured from the environment (see {@link LambdaSettings}); registers the priming hook. */
    public RenditionFunction() {
        super();
        LambdaSettings settings = LambdaSettings.fromEnvironment(System.getenv());
        this.processor = ImageProcessors.load(settings.processor());
        this.profile = settings.profile();
        Core.getGlobalContext().register(this);
    }

    /** For tests and custom wiring: the given pipelines, primed with the given processor and profile. */
    RenditionFunction(ImageProcessor processor, RenditionProfile profile,
                      Function<String, RenditionPipeline> pipelines) {
        super(pipelines);
        this.processor = Objects.requireNonNull(processor, "processor");
        this.profile = Objects.requireNonNull(profile, "profile");
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        prime();
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        // nothing to refresh: SDK clients connect on first use and re-resolve credentials after a restore
    }

    /**
     * Renders the bundled sample a few times (the JIT compiles hot loops after a few thousand iterations;
     * three full ladders cross that for the resampler and the encoders). Returns what the last run produced.
     */
    ProcessedImage prime() {
        byte[] sample = sample();
        ProcessedImage out = null;
        for (int i = 0; i < 3; i++) {
            out = processor.process(ImageSource.of(SAMPLE, sample), profile);
        }
        primed.incrementAndGet();
        return out;
    }

    /** How many times the priming hook ran (once per snapshot). */
    int primedCount() {
        return primed.get();
    }

    static byte[] sample() {
        try (InputStream in = RenditionFunction.class.getResourceAsStream(SAMPLE)) {
            if (in == null) {
                throw new IllegalStateException(SAMPLE + " is missing from the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
