/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.aws.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.galerly.aws.internal.lambda.TypedEvents;
import com.galerly.core.pipeline.RenditionPipeline;
import com.galerly.core.spi.Checks;

/**
 * The rendition function on {@code aws-lambda-java-events}' {@link S3Event}, for teams that compose their own
 * functions: S3 event notifications delivered to the function directly. A retryable failure of any record fails the invocation after the others were handled (Lambda retries it; records already done are then DUPLICATE). It runs the same code as {@link RenditionHandler} (same failure
 * classification, log lines, metrics, and each photo's deadline from the invocation's remaining time). Add {@code com.amazonaws:aws-lambda-java-events} to the function's
 * dependencies (an optional dependency of galerly-aws).
 *
 * <pre>{@code
 * // handler string: com.galerly.aws.lambda.S3RenditionHandler::handleRequest (configured from the environment), or
 * public final class MyHandler extends S3RenditionHandler {
 *     public MyHandler() { super(RenditionHandler.of(myPipeline())); }
 * }
 * }</pre>
 */
public class S3RenditionHandler implements RequestHandler<S3Event, Void> {
    private final RenditionHandler delegate;

    /** Configured from environment variables; see {@link LambdaSettings}. */
    public S3RenditionHandler() {
        this(new RenditionHandler());
    }

    /** Runs {@code delegate}'s pipelines. */
    public S3RenditionHandler(RenditionHandler delegate) {
        this.delegate = Checks.notNull(delegate, "delegate");
    }

    /** One pipeline for every bucket. */
    public static S3RenditionHandler of(RenditionPipeline pipeline) {
        return new S3RenditionHandler(RenditionHandler.of(pipeline));
    }

    @Override
    public Void handleRequest(S3Event event, Context context) {
        delegate.invoke(TypedEvents.s3(Checks.notNull(event, "event")), context);
        return null;
    }
}
