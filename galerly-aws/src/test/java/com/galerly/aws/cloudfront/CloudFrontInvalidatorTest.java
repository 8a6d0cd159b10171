/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.aws.cloudfront;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.galerly.core.ErrorCode;
import com.galerly.core.GalerlyException;
import com.galerly.core.delivery.CdnInvalidator;
import com.galerly.testkit.CdnInvalidatorContract;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.DefaultRetryStrategy;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;

/**
 * {@link CloudFrontInvalidator} through the SDK's real CloudFront client, against a loopback stand-in of the
 * CreateInvalidation API (no network): the published {@link CdnInvalidatorContract}, then the error mapping.
 */
class CloudFrontInvalidatorTest extends CdnInvalidatorContract {
    private static CloudFrontApiStub stub;
    private static CloudFrontClient client;
    private static CloudFrontInvalidator invalidator;

    @BeforeAll
    static void start() throws IOException {
        stub = new CloudFrontApiStub("E2QWRUHAPOMQZL");
        client = CloudFrontClient.builder().region(Region.AWS_GLOBAL).endpointOverride(stub.endpoint())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDSTUB", "stub-secret")))
                .overrideConfiguration(o -> o.retryStrategy(DefaultRetryStrategy.doNotRetry()))
                .build();
        invalidator = CloudFrontInvalidator.create(client, "E2QWRUHAPOMQZL");
    }

    @AfterAll
    static void stop() {
        client.close();
        stub.close();
    }

    @AfterEach
    void spokeTheApiCorrectly() {
        assertEquals(List.of(), stub.problems());
    }

    @Override
    protected CdnInvalidator invalidator() {
        return invalidator;
    }

    @Override
    protected int requests() {
        return stub.requests();
    }

    @Test
    void tooManyInProgressIsARetryableThrottle() {
        stub.tooManyInProgress(1);
        GalerlyException e = assertThrows(GalerlyException.class,
                () -> invalidator.invalidate("throttled", List.of("/renditions/g/*")));
        assertEquals(ErrorCode.THROTTLED, e.code());
        assertTrue(e.retryable());
        assertEquals(1, invalidator.invalidate("throttled", List.of("/renditions/g/*")).size(), "the retry goes through");
    }

    @Test
    void anotherDistributionIsNotFound() {
        CloudFrontInvalidator other = CloudFrontInvalidator.create(client, "EOTHER");
        assertEquals(ErrorCode.NOT_FOUND, assertThrows(GalerlyException.class,
                () -> other.invalidate("x", List.of("/a.jpg"))).code());
    }

    @Test
    void theBuilderRefusesAMalformedDistributionId() {
        assertThrows(IllegalArgumentException.class, () -> CloudFrontInvalidator.builder().distributionId("e2-lower"));
    }
}
