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
import com.galerly.core.upload.Quarantine;
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
        return pipelines(settings, S3Client.create(), DynamoDbClient.create(), Clock.systemUTC());
    }

    static Function<String, RenditionPipeline> pipelines(LambdaSettings settings, S3Client s3, DynamoDbClient dynamoDb,
                                                         Clock clock) {
        ImageProcessor processor = ImageProcessors.load(settings.processor());
        DynamoDbPhotoRepository photos = DynamoDbPhotoRepository.create(dynamoDb, settings.table(), clock);
        Metrics metrics = settings.metricsNamespace() == null ? Metrics.noop()
                : new EmbeddedMetrics(settings.metricsNamespace(), System.out, clock);
        return bucket -> {
            if (!settings.buckets().isEmpty() && !settings.buckets().contains(bucket)) {
                throw new GalerlyException(ErrorCode.CONFIGURATION, "events of bucket " + bucket
                        + " are not processed here; GALERLY_BUCKETS allows " + settings.buckets());
            }
            S3BlobStore blobs = S3BlobStore.create(s3, bucket);
            Quarantine quarantine = Quarantine.builder().blobs(blobs).layout(settings.layout()).processor(processor)
                    .photos(photos).maxBytes(Math.min(settings.processor().maxBytes(), Integer.MAX_VALUE - 16)).build();
            return RenditionPipeline.builder().processor(processor).blobs(blobs).photos(photos)
                    .profile(settings.profile()).layout(settings.layout()).clock(clock).metrics(metrics)
                    .leaseDuration(settings.lease()).quarantine(quarantine).build();
        };
    }
}
