/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.spring;

import java.util.function.Supplier;

/** Builds a value from properties, naming the property prefix in the message of what a builder refuses. */
final class Settings {
    private Settings() {
    }

    static <T> T named(String prefix, Supplier<T> build) {
        try {
            return build.get();
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new IllegalArgumentException(prefix + ": " + e.getMessage(), e);
        }
    }
}
