/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.aws.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    @Test
    void theScannerComesFromGalerlyClamd() {
        assertEquals("none", LambdaWiring.scanner(Map.of()).name());
        assertEquals("ClamAvScanner[127.0.0.1:3310, chunk=65536, maxBytes=104857600, timeout=PT1M]",
                LambdaWiring.scanner(Map.of("GALERLY_CLAMD", "tcp://127.0.0.1:3310",
                        "GALERLY_CLAMD_MAX_BYTES", "104857600")).toString().replace("/<unresolved>", ""));
        assertEquals("clamav", LambdaWiring.scanner(Map.of("GALERLY_CLAMD", "unix:/run/clamav/clamd.ctl")).name());
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> LambdaWiring.scanner(Map.of("GALERLY_CLAMD", "clamd:3310")));
        assertTrue(bad.getMessage().contains("GALERLY_CLAMD"), bad.getMessage());
    }
}
