/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.aws.lambda;

/** The Lambda event shapes {@link RenditionHandler} recognises. */
public enum EventType {
    /** An S3 event notification sent to the function directly. */
    S3_NOTIFICATION,
    /** S3 notifications delivered through an SQS queue (optionally via SNS). */
    SQS,
    /** An S3 Batch Operations "Invoke AWS Lambda function" task list (schema 1.0 or 2.0). */
    S3_BATCH
}
