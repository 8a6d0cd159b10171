/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * Spring Boot auto-configuration of Galerly from {@code galerly.*} properties ({@link com.galerly.spring.GalerlyProperties}):
 * image processor, S3 blob store and presigned uploads, photo repository (DynamoDB, JDBC or embedded), CloudFront
 * URLs and signer, rendition pipeline, gallery service, Micrometer metrics, OpenTelemetry spans and a health
 * indicator. Every bean backs off when the application defines its own.
 */
package com.galerly.spring;
