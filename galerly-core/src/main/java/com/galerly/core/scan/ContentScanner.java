/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.core.scan;

import java.io.InputStream;

/**
 * A malware scanner the trust path calls on every upload before it is promoted out of quarantine.
 * {@link ClamAvScanner} speaks to a ClamAV daemon; {@link #none()} scans nothing (the default).
 *
 * <p>A scanner that cannot give a verdict throws a {@link com.galerly.core.GalerlyException} with
 * {@link com.galerly.core.ErrorCode#SCANNER_UNAVAILABLE} (retryable): it never answers "clean" for content it
 * did not scan. Content over the scanner's size cap is refused with {@code LIMIT_EXCEEDED}.
 *
 * <pre>{@code
 * ContentScanner clamd = ClamAvScanner.builder().tcp("127.0.0.1", 3310).build();
 * ScanVerdict verdict = clamd.scan("incoming/g/p.jpg", bytes.length, new ByteArrayInputStream(bytes));
 * if (!verdict.clean()) { ... verdict.signature() ... }
 * }</pre>
 */
public interface ContentScanner {
    /**
     * Scans one object.
     *
     * @param name    what is scanned (for messages; a key)
     * @param length  the content's length in bytes
     * @param content the bytes, read once to the end (the caller closes it)
     * @return the verdict
     */
    ScanVerdict scan(String name, long length, InputStream content);

    /** A short name for records and messages ({@code clamav}, {@code none}). */
    String name();

    /** The scanner that scans nothing: every verdict is clean, and says it came from no scanner. */
    static ContentScanner none() {
        return NoScanner.INSTANCE;
    }
}
