/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.aws.lambda;

import com.galerly.aws.dynamodb.DynamoDbPhotoRepository;
import com.galerly.aws.metrics.EmbeddedMetrics;
import com.galerly.aws.s3.S3BlobStore;
import com.galerly.core.ErrorCode;
import com.galerly.core.GalerlyException;
import com.galerly.core.image.ImageProcessor;
import com.galerly.core.image.ImageProcessors;
import com.galerly.core.metrics.Metrics;
import com.galerly.core.pipeline.RenditionPipeline;
import com.galerly.core.scan.ClamAvScanner;
import com.galerly.core.scan.ContentScanner;
import com.galerly.core.trace.Tracer;
import com.galerly.core.upload.Quarantine;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
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
        return pipelines(settings, scanner(System.getenv()), S3Client.create(), DynamoDbClient.create(),
                Clock.systemUTC(), System.getenv());
    }

    /**
     * The malware scanner named by {@code GALERLY_CLAMD}: {@code tcp://host:port} or {@code unix:/path/clamd.ctl}
     * (clamd's StreamMaxLength in {@code GALERLY_CLAMD_MAX_BYTES}, default 25 MiB); none when unset.
     */
    static ContentScanner scanner(Map<String, String> env) {
        String clamd = env.get("GALERLY_CLAMD");
        if (clamd == null || clamd.isBlank()) {
            return ContentScanner.none();
        }
        ClamAvScanner.Builder b = ClamAvScanner.builder();
        String value = clamd.trim();
        try {
            if (value.startsWith("unix:")) {
                b.unixSocket(Path.of(value.substring("unix:".length())));
            } else if (value.startsWith("tcp://")) {
                URI uri = URI.create(value);
                b.tcp(uri.getHost(), uri.getPort());
            } else {
                throw new IllegalArgumentException("expected tcp://host:port or unix:/path");
            }
            String maxBytes = env.get("GALERLY_CLAMD_MAX_BYTES");
            if (maxBytes != null && !maxBytes.isBlank()) {
                b.maxBytes(Long.parseLong(maxBytes.trim()));
            }
            return b.build();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("GALERLY_CLAMD must be tcp://host:port or unix:/path (and"
                    + " GALERLY_CLAMD_MAX_BYTES a positive number), was \"" + clamd + "\": " + e.getMessage(), e);
        }
    }

    static Function<String, RenditionPipeline> pipelines(LambdaSettings settings, S3Client s3, DynamoDbClient dynamoDb,
                                                         Clock clock) {
        return pipelines(settings, ContentScanner.none(), s3, dynamoDb, clock, Map.of());
    }

    /** {@code env}: {@code AWS_LAMBDA_FUNCTION_NAME} and {@code GALERLY_SERVICE} name the metrics' dimensions. */
    static Function<String, RenditionPipeline> pipelines(LambdaSettings settings, ContentScanner scanner, S3Client s3,
                                                         DynamoDbClient dynamoDb, Clock clock, Map<String, String> env) {
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
            S3BlobStore blobs = S3BlobStore.create(s3, bucket);
            Quarantine quarantine = Quarantine.builder().blobs(blobs).layout(settings.layout()).processor(processor)
                    .photos(photos).scanner(scanner).maxBytes(Math.min(settings.processor().maxBytes(), Integer.MAX_VALUE - 16)).build();
            return RenditionPipeline.builder().processor(processor).blobs(blobs).photos(photos)
                    .profile(settings.profile()).layout(settings.layout()).clock(clock).metrics(metrics)
                    .tracer(tracer).leaseDuration(settings.lease()).quarantine(quarantine).build();
        };
    }
}
