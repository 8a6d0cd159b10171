/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * A JUnit 5 extension that runs S3Proxy, a real S3-compatible server with SigV4 checks, inside the test JVM.
 * Needs {@code org.gaul:s3proxy} on the test classpath (an optional dependency of galerly-testkit).
 */
package com.galerly.testkit.s3;
