/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.imaging.internal;

import com.galerly.core.ErrorCode;
import com.galerly.core.GalerlyException;
import com.galerly.core.LimitExceededException;
import com.galerly.core.image.ImageSource;
import com.galerly.imaging.ImageDecoder;
import com.galerly.imaging.ImageInput;
import com.galerly.imaging.internal.planar.Deadline;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/**
 * An {@link ImageSource} opened once: the first bytes are read for sniffing and replayed to the decoder, the
 * byte limit is enforced while anything reads, and failures of the source itself are marked so the engine can
 * tell a failing disk or network ({@code IO_ERROR}) from a malformed image ({@code CORRUPT_IMAGE}).
 */
final class SourceInput implements ImageInput, AutoCloseable {
    private final ImageSource source;
    private final long maxBytes;
    private long maxPixels = Long.MAX_VALUE;
    private final byte[] head;
    private InputStream first;

    private SourceInput(ImageSource source, long maxBytes, byte[] head, InputStream first) {
        this.source = source;
        this.maxBytes = maxBytes;
        this.head = head;
        this.first = first;
    }

    /**
     * Opens {@code source} and reads its head. A {@link GalerlyException} thrown by the source's opener passes
     * through unchanged (the pipeline uses it to report a replaced original).
     */
    static SourceInput open(ImageSource source, long maxBytes) {
        if (source.size() > maxBytes) {
            throw new LimitExceededException(source.name() + " is " + source.size() + " bytes, over the limit of "
                    + maxBytes + " bytes (maxBytes)");
        }
        InputStream stream = openLimited(source, maxBytes);
        try {
            byte[] head = stream.readNBytes(ImageDecoder.SNIFF_LENGTH);
            InputStream replay = new SequenceInputStream(new ByteArrayInputStream(head), stream);
            return new SourceInput(source, maxBytes, head, replay);
        } catch (IOException | RuntimeException e) {
            closeQuietly(stream);
            throw Failures.fromSource(source.name(), e);
        }
    }

    private static InputStream openLimited(ImageSource source, long maxBytes) {
        InputStream raw;
        try {
            raw = source.open();
        } catch (GalerlyException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new GalerlyException(ErrorCode.IO_ERROR, "cannot open " + source.name() + ": " + e.getMessage(), e,
                    source.reopenable());
        }
        if (raw == null) {
            throw new GalerlyException(ErrorCode.IO_ERROR, "the source of " + source.name() + " opened no stream");
        }
        return new LimitedStream(raw, source.name(), maxBytes);
    }

    @Override
    public String name() {
        return source.name();
    }

    @Override
    public long length() {
        return source.size();
    }

    @Override
    public byte[] head() {
        return head.clone();
    }

    byte[] headView() {
        return head;
    }

    @Override
    public synchronized InputStream openStream() throws IOException {
        if (first != null) {
            InputStream s = first;
            first = null;
            return s;
        }
        if (!source.reopenable()) {
            throw new IOException(source.name() + " is a single-use stream and was already read");
        }
        return openLimited(source, maxBytes);
    }

    @Override
    public Optional<Path> path() {
        return source.path();
    }

    @Override
    public long maxPixels() {
        return maxPixels;
    }

    /** This input, telling decoders the engine's pixel limit. */
    SourceInput limitedTo(long pixels) {
        this.maxPixels = pixels;
        return this;
    }

    @Override
    public synchronized void close() {
        if (first != null) {
            closeQuietly(first);
            first = null;
        }
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // nothing was written; a failing close of an input loses nothing
        }
    }

    @Override
    public String toString() {
        return "SourceInput[" + source.name() + ", head " + Arrays.toString(Arrays.copyOf(head, Math.min(4, head.length)))
                + "]";
    }

    /** Counts bytes against the limit and marks the source's own failures. */
    private static final class LimitedStream extends FilterInputStream {
        private final String name;
        private final long maxBytes;
        private long count;

        LimitedStream(InputStream in, String name, long maxBytes) {
            super(in);
            this.name = name;
            this.maxBytes = maxBytes;
        }

        @Override
        public int read() throws IOException {
            int b;
            try {
                b = super.read();
            } catch (IOException e) {
                throw new SourceReadException(name, e);
            }
            if (b >= 0) {
                counted(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            int n;
            try {
                n = super.read(buf, off, len);
            } catch (IOException e) {
                throw new SourceReadException(name, e);
            }
            if (n > 0) {
                counted(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped;
            try {
                skipped = super.skip(n);
            } catch (IOException e) {
                throw new SourceReadException(name, e);
            }
            if (skipped > 0) {
                counted(skipped);
            }
            return skipped;
        }

        private void counted(long n) {
            Deadline.check("reading");
            count += n;
            if (count > maxBytes) {
                throw new LimitExceededException(name + " is over the limit of " + maxBytes + " bytes (maxBytes)");
            }
        }

        @Override
        public boolean markSupported() {
            return false;
        }
    }

    /** An I/O failure of the source itself (not of the image's content). */
    static final class SourceReadException extends IOException {
        private static final long serialVersionUID = 1L;

        SourceReadException(String name, IOException cause) {
            super("reading " + name + " failed: " + cause.getMessage(), cause);
        }
    }
}
