/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * CloudFront delivery: {@link com.galerly.cdn.CdnUrls} builds versioned URLs of originals and renditions, and
 * {@link com.galerly.cdn.CloudFrontSigner} signs URLs and cookies with canned or custom policies (RSA-2048 or
 * ECDSA P-256 keys loaded by {@link com.galerly.cdn.SigningKey}, SHA-1 or SHA-256, key rotation, expiry
 * rounding). Everything under {@code com.galerly.cdn.internal} is implementation.
 */
package com.galerly.cdn;
