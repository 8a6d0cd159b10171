/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.imaging.raw.internal;

import java.io.IOException;
import java.io.InputStream;

/**
 * The stream {@link ByteSource#range} hands out: at most a given number of bytes, read forward in pieces by
 * {@link #readSome}; the bound, the end and single-byte reads are here, once for every kind of source.
 */
abstract class RangeStream extends InputStream {
    private long remaining;

    RangeStream(long count) {
        this.remaining = count;
    }

    /**
     * Reads {@code 1..len} bytes ({@code len} never exceeds what is left of the range), or returns -1 when the
     * underlying data ends first.
     */
    protected abstract int readSome(byte[] b, int off, int len) throws IOException;

    /** Bytes left in the range. */
    final long remaining() {
        return remaining;
    }

    @Override
    public final int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public final int read(byte[] b, int off, int len) throws IOException {
        java.util.Objects.checkFromIndexSize(off, len, b.length);
        if (len == 0) {
            return 0;
        }
        if (remaining <= 0) {
            return -1;
        }
        int n = readSome(b, off, (int) Math.min(len, remaining));
        if (n > 0) {
            remaining -= n;
        }
        return n;
    }

    /** Passes over up to {@code n} bytes without reading them, for a source read at random. */
    final long skipAtRandom(long n) {
        long skipped = Math.max(0, Math.min(n, remaining));
        remaining -= skipped;
        return skipped;
    }
}
