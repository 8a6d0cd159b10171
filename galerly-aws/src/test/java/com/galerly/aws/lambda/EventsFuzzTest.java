/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.aws.lambda;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.galerly.core.ErrorCode;
import com.galerly.core.GalerlyException;
import com.galerly.core.pipeline.RenditionPipeline;
import com.galerly.testkit.FakeImageProcessor;
import com.galerly.testkit.InMemoryBlobStore;
import com.galerly.testkit.InMemoryPhotoRepository;
import com.galerly.testkit.TestClock;

/**
 * Fuzz target for the S3, SQS and S3 Batch event parsers, through {@link RenditionHandler#handle(byte[])} on the
 * test kit's fakes: a payload that is no event is refused with {@code INVALID_ARGUMENT}; everything inside one is
 * classified ({@link EventFailure}) and answered; nothing else may escape.
 */
class EventsFuzzTest {
    private static final TestClock CLOCK = TestClock.standard();
    private static final RenditionHandler HANDLER = RenditionHandler.of(RenditionPipeline.builder()
            .processor(new FakeImageProcessor()).blobs(new InMemoryBlobStore(CLOCK))
            .photos(new InMemoryPhotoRepository(CLOCK)).clock(CLOCK).build());

    @FuzzTest(maxDuration = "5m")
    void events(byte[] payload) {
        try {
            byte[] response = HANDLER.handle(payload);
            if (response.length == 0) {
                throw new AssertionError("empty response");
            }
        } catch (GalerlyException e) {
            if (e.code() != ErrorCode.INVALID_ARGUMENT && !e.retryable()) {
                throw e;
            }
        }
    }
}
