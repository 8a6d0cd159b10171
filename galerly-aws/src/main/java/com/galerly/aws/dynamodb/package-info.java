/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * Amazon DynamoDB for Galerly: the {@link com.galerly.core.photo.PhotoRepository}
 * ({@link com.galerly.aws.dynamodb.DynamoDbPhotoRepository}), its table definition
 * ({@link com.galerly.aws.dynamodb.PhotoTable}) and the content index behind de-duplication
 * ({@link com.galerly.aws.dynamodb.DynamoDbContentIndex}). Implementation lives in
 * {@code com.galerly.aws.internal.dynamodb}.
 */
package com.galerly.aws.dynamodb;
