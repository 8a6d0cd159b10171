/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.aws.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.galerly.aws.internal.lambda.TypedEvents;
import com.galerly.core.pipeline.RenditionPipeline;
import com.galerly.core.spi.Checks;

/**
 * The rendition function on {@code aws-lambda-java-events}' {@link SQSEvent}, for teams that compose their own
 * functions: SQS messages carrying S3 notifications (S3 -> SQS or S3 -> SNS -> SQS), with partial batch responses: only the messages whose records failed transiently are named, so enable ReportBatchItemFailures on the event source mapping. It runs the same code as {@link RenditionHandler} (same failure
 * classification, log lines, metrics, and each photo's deadline from the invocation's remaining time). Add {@code com.amazonaws:aws-lambda-java-events} to the function's
 * dependencies (an optional dependency of galerly-aws).
 *
 * <pre>{@code
 * // handler string: com.galerly.aws.lambda.SqsRenditionHandler::handleRequest (configured from the environment), or
 * public final class MyHandler extends SqsRenditionHandler {
 *     public MyHandler() { super(RenditionHandler.of(myPipeline())); }
 * }
 * }</pre>
 */
public class SqsRenditionHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {
    private final RenditionHandler delegate;

    /** Configured from environment variables; see {@link LambdaSettings}. */
    public SqsRenditionHandler() {
        this(new RenditionHandler());
    }

    /** Runs {@code delegate}'s pipelines. */
    public SqsRenditionHandler(RenditionHandler delegate) {
        this.delegate = Checks.notNull(delegate, "delegate");
    }

    /** One pipeline for every bucket. */
    public static SqsRenditionHandler of(RenditionPipeline pipeline) {
        return new SqsRenditionHandler(RenditionHandler.of(pipeline));
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        return TypedEvents.sqsResponse(delegate.invoke(TypedEvents.sqs(Checks.notNull(event, "event")), context));
    }
}
