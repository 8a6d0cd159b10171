/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * AWS Lambda entry points: the rendition handlers for S3 notifications, SQS and S3 Batch Operations
 * ({@link com.galerly.aws.lambda.RenditionHandler}, {@link com.galerly.aws.lambda.S3RenditionHandler},
 * {@link com.galerly.aws.lambda.SqsRenditionHandler}, {@link com.galerly.aws.lambda.S3BatchRenditionHandler}),
 * their settings from the environment ({@link com.galerly.aws.lambda.LambdaSettings},
 * {@link com.galerly.aws.lambda.LambdaWiring}) and tracing. Implementation lives in
 * {@code com.galerly.aws.internal.lambda}.
 */
package com.galerly.aws.lambda;
