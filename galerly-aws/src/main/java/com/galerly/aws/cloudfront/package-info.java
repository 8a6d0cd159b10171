/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * Amazon CloudFront for Galerly: {@link com.galerly.aws.cloudfront.CloudFrontInvalidator} implements the
 * {@link com.galerly.core.delivery.CdnInvalidator} port with CloudFront invalidations. (Signed URLs and cookies are
 * in galerly-cdn, which needs no AWS SDK.)
 */
package com.galerly.aws.cloudfront;
