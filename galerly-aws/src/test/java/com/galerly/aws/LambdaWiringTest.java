/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.galerly.core.ErrorCode;
import com.galerly.core.GalerlyException;
import com.galerly.core.pipeline.RenditionPipeline;
import com.galerly.testkit.TestClock;
import java.net.URI;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/** The environment wiring builds pipelines without touching the network (SnapStart-friendly cold starts). */
class LambdaWiringTest {
    // nothing listens on port 9 of loopback: any request would fail the test
    private static final URI NOWHERE = URI.create("http://127.0.0.1:9");

    @Test
    void buildsPipelinesWithoutNetworkIoAndRefusesForeignBuckets() {
        LambdaSettings settings = LambdaSettings.fromEnvironment(Map.of("GALERLY_TABLE", "photos",
                "GALERLY_BUCKETS", "mine", "GALERLY_METRICS_NAMESPACE", "off"));
        try (S3Client s3 = S3Client.builder().endpointOverride(NOWHERE).region(Region.EU_WEST_1)
                .credentialsProvider(AnonymousCredentialsProvider.create()).build();
             DynamoDbClient dynamoDb = DynamoDbClient.builder().endpointOverride(NOWHERE).region(Region.EU_WEST_1)
                     .credentialsProvider(AnonymousCredentialsProvider.create()).build()) {
            Function<String, RenditionPipeline> pipelines = LambdaWiring.pipelines(settings, s3, dynamoDb,
                    TestClock.standard());
            RenditionPipeline pipeline = pipelines.apply("mine");
            assertNotNull(pipeline);
            assertEquals(settings.layout(), pipeline.layout());
            GalerlyException foreign = assertThrows(GalerlyException.class, () -> pipelines.apply("theirs"));
            assertEquals(ErrorCode.CONFIGURATION, foreign.code());
        }
    }
}
