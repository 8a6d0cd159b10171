/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.aws.internal.dynamodb;

import com.galerly.core.ErrorCode;
import com.galerly.core.GalerlyException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/** Maps DynamoDB failures to Galerly errors: throttling and 5xx are retryable, a missing table is configuration. */
public final class DynamoDbErrors {
    private DynamoDbErrors() {
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
