/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * CloudWatch metrics without a client: {@link com.galerly.aws.metrics.EmbeddedMetrics} writes the
 * {@link com.galerly.core.metrics.Metrics} port as CloudWatch Embedded Metric Format lines on standard output.
 */
package com.galerly.aws.metrics;
