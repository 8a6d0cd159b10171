/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.aws.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.galerly.core.ErrorCode;
import com.galerly.core.GalerlyException;
import com.galerly.core.NotFoundException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import org.junit.jupiter.api.Test;

class S3ErrorsTest {
    @ParameterizedTest
    @CsvSource({
        "404, NoSuchKey, NOT_FOUND, false",
        "409, OperationAborted, CONFLICT, false",
        "412, PreconditionFailed, CONFLICT, false",
        "503, SlowDown, THROTTLED, true",
        "429, TooManyRequests, THROTTLED, true",
        "500, InternalError, IO_ERROR, true",
        "403, AccessDenied, UNAUTHORIZED, false",
        "400, BadDigest, INVALID_ARGUMENT, false"})
    void mapsStatusesToStableCodes(int status, String code, ErrorCode expected, boolean retryable) {
        S3Exception e = (S3Exception) S3Exception.builder().statusCode(status).requestId("REQ1")
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).build()).build();
        GalerlyException mapped = S3Errors.map("GET", "s3://b/k", e);
        assertEquals(expected, mapped.code());
        assertEquals(retryable, mapped.retryable());
        assertTrue(mapped.getMessage().startsWith("GET s3://b/k: "), mapped.getMessage());
        assertTrue(mapped.getMessage().contains(status + " " + code) && mapped.getMessage().contains("REQ1"),
                mapped.getMessage());
        assertEquals(expected == ErrorCode.NOT_FOUND, mapped instanceof NotFoundException);
    }

    @Test
    void networkFailuresAreRetryableIoErrors() {
        GalerlyException mapped = S3Errors.map("PUT", "s3://b/k", SdkClientException.create("connection reset"));
        assertEquals(ErrorCode.IO_ERROR, mapped.code());
        assertTrue(mapped.retryable());
    }
}
