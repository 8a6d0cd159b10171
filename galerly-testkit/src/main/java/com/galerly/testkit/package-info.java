/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * Galerly's test kit, a real artifact for users' tests: in-memory fakes of every port with fault injection,
 * abstract JUnit 5 contract suites that any implementation's test extends, and image fixture generators.
 */
package com.galerly.testkit;
