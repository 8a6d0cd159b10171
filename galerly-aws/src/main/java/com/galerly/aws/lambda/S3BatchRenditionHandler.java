/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.aws.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.S3BatchEventV2;
import com.amazonaws.services.lambda.runtime.events.S3BatchResponse;
import com.galerly.aws.internal.lambda.TypedEvents;
import com.galerly.core.pipeline.RenditionPipeline;
import com.galerly.core.spi.Checks;

/**
 * The rendition function on {@code aws-lambda-java-events}' {@link S3BatchEventV2}, for teams that compose their own
 * functions: S3 Batch Operations (schema 2.0) tasks, the backfill of existing originals: one result per task, TemporaryFailure (retried by S3) or PermanentFailure (a bad image, a missing object). It runs the same code as {@link RenditionHandler} (same failure
 * classification, log lines, metrics, and each photo's deadline from the invocation's remaining time). Add {@code com.amazonaws:aws-lambda-java-events} to the function's
 * dependencies (an optional dependency of galerly-aws).
 *
 * <pre>{@code
 * // handler string: com.galerly.aws.lambda.S3BatchRenditionHandler::handleRequest (configured from the environment), or
 * public final class MyHandler extends S3BatchRenditionHandler {
 *     public MyHandler() { super(RenditionHandler.of(myPipeline())); }
 * }
 * }</pre>
 */
public class S3BatchRenditionHandler implements RequestHandler<S3BatchEventV2, S3BatchResponse> {
    private final RenditionHandler delegate;

    /** Configured from environment variables; see {@link LambdaSettings}. */
    public S3BatchRenditionHandler() {
        this(new RenditionHandler());
    }

    /** Runs {@code delegate}'s pipelines. */
    public S3BatchRenditionHandler(RenditionHandler delegate) {
        this.delegate = Checks.notNull(delegate, "delegate");
    }

    /** One pipeline for every bucket. */
    public static S3BatchRenditionHandler of(RenditionPipeline pipeline) {
        return new S3BatchRenditionHandler(RenditionHandler.of(pipeline));
    }

    @Override
    public S3BatchResponse handleRequest(S3BatchEventV2 event, Context context) {
        return TypedEvents.batchResponse(delegate.invoke(TypedEvents.batch(Checks.notNull(event, "event")), context));
    }
}
