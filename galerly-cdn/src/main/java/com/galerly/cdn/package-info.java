/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * CloudFront URL builder and signer: signed URLs and cookies with canned and custom policies (arrives with the CDN issue).
 */
package com.galerly.cdn;
