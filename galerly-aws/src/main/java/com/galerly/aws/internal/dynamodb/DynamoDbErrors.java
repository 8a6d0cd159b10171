/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.aws.internal.dynamodb;

import com.galerly.core.ErrorCode;
import com.galerly.core.GalerlyException;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/** Maps DynamoDB failures to Galerly errors: throttling and 5xx are retryable, a missing table is configuration. */
public final class DynamoDbErrors {
    private DynamoDbErrors() {
    }

    /**
     * Runs one DynamoDB request: a lost condition ({@link ConditionalCheckFailedException}) is the caller's to
     * handle and passes through; any other SDK failure is {@link #map mapped}.
     */
    public static <T> T call(String operation, String table, Supplier<T> request) {
        try {
            return request.get();
        } catch (ConditionalCheckFailedException e) {
            throw e;
        } catch (SdkException e) {
            throw map(operation, table, e);
        }
    }

    public static GalerlyException map(String operation, String table, SdkException e) {
        if (e instanceof ResourceNotFoundException) {
            return new GalerlyException(ErrorCode.CONFIGURATION, "DynamoDB table " + table + " does not exist ("
                    + operation + ")", e);
        }
        if (e instanceof SdkServiceException service && service.isThrottlingException()) {
            return new GalerlyException(ErrorCode.THROTTLED, "DynamoDB throttled " + operation + " on " + table, e);
        }
        if (e instanceof DynamoDbException ddb && ddb.statusCode() >= 400 && ddb.statusCode() < 500) {
            return new GalerlyException(ErrorCode.INTERNAL, "DynamoDB refused " + operation + " on " + table + ": "
                    + ddb.awsErrorDetails().errorMessage(), e, false);
        }
        return new GalerlyException(ErrorCode.IO_ERROR, "DynamoDB " + operation + " on " + table + " failed: "
                + e.getMessage(), e);
    }
}
