/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.aws.internal;

import com.galerly.core.ConflictException;
import com.galerly.core.ErrorCode;
import com.galerly.core.GalerlyException;
import com.galerly.core.NotFoundException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;

/** Turns what the SDK throws, once its retries are spent, into Galerly's errors. */
public final class S3Errors {
    private S3Errors() {
    }

    /**
     * The Galerly failure for an S3 call on {@code target} ({@code s3://bucket/key}); {@code operation} is the
     * verb for the message, e.g. {@code GET}.
     */
    public static GalerlyException map(String operation, String target, SdkException e) {
        String what = operation + " " + target;
        if (e instanceof AwsServiceException service) {
            int status = service.statusCode();
            String code = service.awsErrorDetails() != null ? service.awsErrorDetails().errorCode() : null;
            String detail = status + (code != null ? " " + code : "") + requestId(service);
            if (status == 404) {
                return new NotFoundException(what + ": not found (" + detail + ")", e);
            }
            if (status == 409 || status == 412) {
                return new ConflictException(what + ": conflict (" + detail + ")", e);
            }
            if (service.isThrottlingException() || status == 429 || "SlowDown".equals(code)) {
                return new GalerlyException(ErrorCode.THROTTLED, what + ": throttled after retries (" + detail + ")", e);
            }
            if (status >= 500) {
                return new GalerlyException(ErrorCode.IO_ERROR, what + ": server error after retries (" + detail + ")", e);
            }
            if (status == 401 || status == 403) {
                return new GalerlyException(ErrorCode.UNAUTHORIZED, what + ": access denied (" + detail + ")", e);
            }
            return new GalerlyException(ErrorCode.INVALID_ARGUMENT, what + ": refused (" + detail + ")", e);
        }
        return new GalerlyException(ErrorCode.IO_ERROR, what + ": " + e.getMessage(), e);
    }

    private static String requestId(AwsServiceException e) {
        return e.requestId() != null ? ", request id " + e.requestId() : "";
    }
}
