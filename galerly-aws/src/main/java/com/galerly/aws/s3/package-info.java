/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * Amazon S3 for Galerly: the {@link com.galerly.core.storage.BlobStore} ({@link com.galerly.aws.s3.S3BlobStore}),
 * browser uploads with presigned PUTs, POST policies and multipart tickets
 * ({@link com.galerly.aws.s3.S3UploadService}, {@link com.galerly.aws.s3.S3Signer}), the bucket's layout
 * ({@link com.galerly.aws.s3.S3Bucket}) and S3 Inventory reports for reconciliation
 * ({@link com.galerly.aws.s3.S3Inventory}). Implementation lives in {@code com.galerly.aws.internal}.
 */
package com.galerly.aws.s3;
