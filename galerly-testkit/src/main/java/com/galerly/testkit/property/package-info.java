/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * Seeded generated cases for JUnit 5 property tests: {@link com.galerly.testkit.property.Cases} turns a
 * generator into the {@code @MethodSource} of a {@code @ParameterizedTest}, each case named by its seed and
 * its values, reproducible with {@code -Dgalerly.seed=...}.
 */
package com.galerly.testkit.property;
