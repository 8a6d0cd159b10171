/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * JMH benchmarks of the resize hot path and of signing, against the libraries users would pick instead, in the same run (arrive with the performance issue).
 */
package com.galerly.benchmarks;
