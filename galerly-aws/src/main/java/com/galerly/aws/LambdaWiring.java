/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.aws;

import com.galerly.core.ErrorCode;
import com.galerly.core.GalerlyException;
import com.galerly.core.image.ImageProcessor;
import com.galerly.core.image.ImageProcessors;
import com.galerly.core.metrics.Metrics;
import com.galerly.core.pipeline.RenditionPipeline;
import com.galerly.core.trace.Tracer;
import java.time.Clock;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Builds {@link RenditionHandler}'s pipelines from {@link LambdaSettings}. Nothing here touches the network:
 * SDK clients connect on first use, so a cold start (or a SnapStart restore) costs no round trip.
 */
final class LambdaWiring {
    private LambdaWiring() {
    }

    static Function<String, RenditionPipeline> fromEnvironment() {
        LambdaSettings settings = LambdaSettings.fromEnvironment(System.getenv());
        return pipelines(settings, S3Client.create(), DynamoDbClient.create(), Clock.systemUTC(), System.getenv());
    }

    static Function<String, RenditionPipeline> pipelines(LambdaSettings settings, S3Client s3, DynamoDbClient dynamoDb,
                                                         Clock clock) {
        return pipelines(settings, s3, dynamoDb, clock, java.util.Map.of());
    }

    /** {@code env}: {@code AWS_LAMBDA_FUNCTION_NAME} and {@code GALERLY_SERVICE} name the metrics' dimensions. */
    static Function<String, RenditionPipeline> pipelines(LambdaSettings settings, S3Client s3, DynamoDbClient dynamoDb,
                                                         Clock clock, java.util.Map<String, String> env) {
        ImageProcessor processor = ImageProcessors.load(settings.processor());
        DynamoDbPhotoRepository photos = DynamoDbPhotoRepository.create(dynamoDb, settings.table(), clock);
        Metrics metrics = settings.metricsNamespace() == null ? Metrics.noop()
                : EmbeddedMetrics.builder().namespace(settings.metricsNamespace()).clock(clock)
                        .service(env.getOrDefault("GALERLY_SERVICE", settings.metricsNamespace()))
                        .functionName(env.get("AWS_LAMBDA_FUNCTION_NAME")).build();
        Tracer tracer = Tracing.openTelemetry();
        return bucket -> {
            if (!settings.buckets().isEmpty() && !settings.buckets().contains(bucket)) {
                throw new GalerlyException(ErrorCode.CONFIGURATION, "events of bucket " + bucket
                        + " are not processed here; GALERLY_BUCKETS allows " + settings.buckets());
            }
            return RenditionPipeline.builder().processor(processor).blobs(S3BlobStore.create(s3, bucket)).photos(photos)
                    .profile(settings.profile()).layout(settings.layout()).clock(clock).metrics(metrics)
                    .tracer(tracer).leaseDuration(settings.lease()).build();
        };
    }
}
