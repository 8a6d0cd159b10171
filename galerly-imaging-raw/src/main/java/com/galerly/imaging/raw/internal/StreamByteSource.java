/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.imaging.raw.internal;

import com.galerly.core.ErrorCode;
import com.galerly.core.GalerlyException;
import com.galerly.imaging.ImageInput;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.util.Arrays;

/**
 * A RAW file behind a stream (an S3 object, bytes in memory): read forward, skipping what the walk does not need.
 * The first {@link #PREFIX_CAP} bytes are kept as they pass, because camera RAW files keep their directories there;
 * a structure further back than that is reached by opening the input again (a reopenable source) and skipping.
 * Memory stays bounded by the prefix and the page cache whatever the file's size.
 */
final class StreamByteSource extends ByteSource {
    static final int PREFIX_CAP = 1024 * 1024;
    /**
     * How far the prefix may grow when a file's first directory lies behind its image data (libtiff and the DNG
     * converters built on it write IFD0 last): up to there the file stays readable at random without reopening.
     */
    static final int FAR_PREFIX_CAP = 64 * 1024 * 1024;
    private static final int DIRECTORY_ROOM = 64 * 1024;

    private final ImageInput input;
    private InputStream live;
    private long livePos;
    private boolean opened;
    private boolean handedOver;
    private byte[] prefix = new byte[16 * 1024];
    private int prefixLen;
    private int cap = PREFIX_CAP;

    StreamByteSource(ImageInput input) {
        super(input.name());
        this.input = input;
    }

    @Override
    public long length() {
        return input.length();
    }

    @Override
    protected int fill(long position, byte[] into) throws IOException {
        int done = 0;
        if (position < prefixLen) {
            done = (int) Math.min(into.length, prefixLen - position);
            System.arraycopy(prefix, (int) position, into, 0, done);
        }
        if (done == into.length) {
            return done;
        }
        long at = position + done;
        seek(at);
        if (livePos < at) {
            return done;                     // the data ends before the page starts
        }
        while (done < into.length) {
            int n = live.read(into, done, into.length - done);
            if (n < 0) {
                break;
            }
            record(into, done, n);
            livePos += n;
            done += n;
        }
        return done;
    }

    @Override
    public InputStream range(long position, long count) throws IOException {
        if (position + count <= prefixLen) {
            return new ByteArrayInputStream(prefix, (int) position, (int) count);
        }
        if (opened && live != null && position < livePos && livePos <= prefixLen) {
            // the start is in the prefix, the rest follows on the live stream: no need to read anything twice
            int fromPrefix = (int) (livePos - position);
            return new SequenceInputStream(new ByteArrayInputStream(prefix, (int) position, fromPrefix),
                    new LiveView(count - fromPrefix));
        }
        seek(position);
        return new LiveView(count);
    }

    /**
     * Keeps every byte up to a directory at {@code position} (and some room after it) when that is within
     * {@link #FAR_PREFIX_CAP} and nothing has been skipped yet, so walking there loses nothing.
     */
    @Override
    public synchronized boolean randomAccessTo(long position) {
        long need = position + DIRECTORY_ROOM;
        if (need <= cap) {
            return true;
        }
        if (need > FAR_PREFIX_CAP || live != null && livePos != prefixLen) {
            return false;
        }
        cap = (int) need;
        return true;
    }

    /** An input that replays what was read so far, for handing a file that is no RAW to another decoder. */
    ImageInput replay() {
        return new ImageInput() {
            @Override
            public String name() {
                return input.name();
            }

            @Override
            public long length() {
                return input.length();
            }

            @Override
            public byte[] head() {
                return input.head();
            }

            @Override
            public InputStream openStream() throws IOException {
                synchronized (StreamByteSource.this) {
                    if (!opened || handedOver) {
                        return input.openStream();
                    }
                    handedOver = true;
                    if (live != null && livePos == prefixLen) {
                        InputStream rest = live;
                        live = null;
                        return new SequenceInputStream(new ByteArrayInputStream(prefix, 0, prefixLen), rest);
                    }
                    closeLive();
                    return input.openStream();
                }
            }

            @Override
            public java.util.Optional<java.nio.file.Path> path() {
                return input.path();
            }
        };
    }

    /** Positions the live stream at {@code position}, opening the input again when it lies behind. */
    private void seek(long position) throws IOException {
        if (live == null || livePos > position) {
            closeLive();
            try {
                live = input.openStream();
            } catch (IOException e) {
                // not the file's fault and not transient: this input can only be read once
                throw new GalerlyException(ErrorCode.IO_ERROR, input.name() + ": a structure at byte " + position
                        + " lies behind what was already read and the input cannot be read again (" + e.getMessage()
                        + "); give Galerly the file or a source it can reopen", e, false);
            }
            opened = true;
            livePos = 0;
        }
        byte[] scratch = null;
        while (livePos < position) {
            if (livePos == prefixLen && prefixLen < cap) {
                int want = (int) (Math.min(position, cap) - livePos);
                ensurePrefix(prefixLen + want);
                int n = live.read(prefix, prefixLen, want);
                if (n < 0) {
                    return;
                }
                prefixLen += n;
                livePos += n;
            } else {
                long n = live.skip(position - livePos);
                if (n <= 0) {
                    if (scratch == null) {
                        scratch = new byte[8192];
                    }
                    int r = live.read(scratch, 0, (int) Math.min(scratch.length, position - livePos));
                    if (r < 0) {
                        return;
                    }
                    n = r;
                }
                livePos += n;
            }
        }
    }

    private void record(byte[] data, int off, int n) {
        if (livePos == prefixLen && prefixLen < cap) {
            int keep = (int) Math.min(n, cap - prefixLen);
            ensurePrefix(prefixLen + keep);
            System.arraycopy(data, off, prefix, prefixLen, keep);
            prefixLen += keep;
        }
    }

    private void ensurePrefix(int size) {
        if (size > prefix.length) {
            prefix = Arrays.copyOf(prefix, Math.min(cap, Math.max(size, prefix.length * 2)));
        }
    }

    private void closeLive() throws IOException {
        if (live != null) {
            InputStream s = live;
            live = null;
            s.close();
        }
    }

    @Override
    public synchronized void close() throws IOException {
        super.close();
        closeLive();
    }

    /** Up to {@code count} bytes of the live stream, advancing the shared position as they are read. */
    private final class LiveView extends RangeStream {
        LiveView(long count) {
            super(count);
        }

        @Override
        protected int readSome(byte[] b, int off, int len) throws IOException {
            if (live == null) {
                return -1;
            }
            int n = live.read(b, off, len);
            if (n > 0) {
                record(b, off, n);
                livePos += n;
            }
            return n;
        }
    }
}
