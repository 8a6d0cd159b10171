/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * AWS implementations of the core ports: S3 BlobStore, presigned UploadService, DynamoDB PhotoRepository and the Lambda handlers (arrive with the uploads and repository issues).
 */
package com.galerly.aws;
