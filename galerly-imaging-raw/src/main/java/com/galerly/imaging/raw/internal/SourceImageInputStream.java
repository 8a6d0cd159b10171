/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.imaging.raw.internal;

import java.io.EOFException;
import java.io.IOException;
import javax.imageio.stream.ImageInputStreamImpl;

/** A {@link ByteSource} seen as an ImageIO stream, so the shared EXIF reader walks a RAW's IFD0 where it lies. */
final class SourceImageInputStream extends ImageInputStreamImpl {
    private final ByteSource source;

    SourceImageInputStream(ByteSource source) {
        this.source = source;
    }

    @Override
    public int read() throws IOException {
        long length = source.length();
        if (length >= 0 && streamPos >= length) {
            return -1;
        }
        int b;
        try {
            b = source.u8(streamPos);
        } catch (EOFException e) {
            return -1;                       // unknown length: the data ends here
        }
        streamPos++;
        bitOffset = 0;
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        long length = source.length();
        int n = length >= 0 ? (int) Math.min(len, length - streamPos) : len;
        if (n <= 0) {
            return -1;
        }
        try {
            source.readFully(streamPos, b, off, n);
        } catch (EOFException e) {
            if (n == 1) {
                return -1;
            }
            return read(b, off, 1);          // unknown length: the data ends inside this read
        }
        streamPos += n;
        bitOffset = 0;
        return n;
    }

    @Override
    public long length() {
        return source.length();
    }
}
