/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.core.scan;

import java.io.InputStream;

/** {@link ContentScanner#none()}. */
final class NoScanner implements ContentScanner {
    static final NoScanner INSTANCE = new NoScanner();

    private NoScanner() {
    }

    @Override
    public ScanVerdict scan(String name, long length, InputStream content) {
        return ScanVerdict.clean(name());
    }

    @Override
    public String name() {
        return "none";
    }

    @Override
    public String toString() {
        return "ContentScanner.none()";
    }
}
