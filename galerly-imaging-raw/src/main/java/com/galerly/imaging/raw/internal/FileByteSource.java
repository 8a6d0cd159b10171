/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.imaging.raw.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** A RAW file on disk, read at random with positional reads: nothing is read that the walk does not ask for. */
final class FileByteSource extends ByteSource {
    private final FileChannel channel;
    private final long length;

    FileByteSource(String name, Path path) throws IOException {
        super(name);
        this.channel = FileChannel.open(path, StandardOpenOption.READ);
        this.length = channel.size();
    }

    @Override
    public long length() {
        return length;
    }

    @Override
    protected int fill(long position, byte[] into) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(into);
        long at = position;
        while (buffer.hasRemaining()) {
            int n = channel.read(buffer, at);
            if (n < 0) {
                break;
            }
            at += n;
        }
        return buffer.position();
    }

    @Override
    public InputStream range(long position, long count) {
        long end = position + count;
        return new RangeStream(count) {
            @Override
            protected int readSome(byte[] b, int off, int len) throws IOException {
                return channel.read(ByteBuffer.wrap(b, off, len), end - remaining());
            }

            @Override
            public long skip(long n) {
                return skipAtRandom(n);
            }
        };
    }

    @Override
    public void close() throws IOException {
        super.close();
        channel.close();
    }
}
