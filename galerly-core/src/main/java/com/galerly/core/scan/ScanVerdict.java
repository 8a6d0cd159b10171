/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.core.scan;

import com.galerly.core.spi.Checks;

/**
 * What a {@link ContentScanner} found.
 *
 * @param clean     true when nothing was found
 * @param signature the name of what was found (e.g. {@code Eicar-Signature}), or null when clean
 * @param scanner   the scanner's name
 */
public record ScanVerdict(boolean clean, String signature, String scanner) {
    public ScanVerdict {
        Checks.notBlank(scanner, "scanner");
        if (clean != (signature == null)) {
            throw new IllegalArgumentException("a clean verdict has no signature, an infected one has one");
        }
    }

    public static ScanVerdict clean(String scanner) {
        return new ScanVerdict(true, null, scanner);
    }

    public static ScanVerdict infected(String signature, String scanner) {
        return new ScanVerdict(false, Checks.notBlank(signature, "signature"), scanner);
    }

    @Override
    public String toString() {
        return clean ? scanner + ": clean" : scanner + ": " + signature + " FOUND";
    }
}
