/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.imaging.raw.internal;

import com.galerly.core.CorruptImageException;
import com.galerly.imaging.spi.ByteFields;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteOrder;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Random access to a RAW file without holding it: reads go through a small page cache (at most
 * {@link #CACHE_PAGES} x {@link #PAGE} bytes), so walking IFDs and boxes scattered over a 100 MB file costs a few
 * hundred kilobytes of heap. Every read is bounded by the caller and, when the length is known, by the file.
 */
public abstract class ByteSource implements Closeable {
    static final int PAGE = 16 * 1024;
    static final int CACHE_PAGES = 64;
    /** The largest structure read in one piece (an IFD, a box header block, a makernote prefix). */
    static final int MAX_STRUCTURE = 1024 * 1024;

    private final String name;
    private final Map<Long, byte[]> pages = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, byte[]> eldest) {
            return size() > CACHE_PAGES;
        }
    };

    protected ByteSource(String name) {
        this.name = name;
    }

    /** The input's name, for messages. */
    public final String name() {
        return name;
    }

    /** Length in bytes, or -1 when the source does not know it. */
    public abstract long length();

    /** Reads up to {@code into.length} bytes at {@code position}; fewer only at the end of the data. */
    protected abstract int fill(long position, byte[] into) throws IOException;

    /** The bytes {@code [position, position + length)} as a stream, read once; the caller closes it. */
    public abstract InputStream range(long position, long length) throws IOException;

    /**
     * Whether a structure at {@code position} can be read while every byte before it stays readable without opening
     * the input again (always, for a file read at random).
     */
    public boolean randomAccessTo(long position) {
        return true;
    }

    /** Whether {@code [position, position + length)} lies inside the data (true when the length is unknown). */
    public final boolean contains(long position, long length) {
        if (position < 0 || length < 0) {
            return false;
        }
        long size = length();
        return size < 0 || position <= size - length;
    }

    /** Exactly {@code len} bytes at {@code position}, or an {@link EOFException} naming where the data ends. */
    public final void readFully(long position, byte[] dst, int off, int len) throws IOException {
        if (!contains(position, len)) {
            throw new EOFException(name + " ends at byte " + length() + " but a structure at byte " + position
                    + " needs " + len + " bytes");
        }
        int done = 0;
        while (done < len) {
            long at = position + done;
            long pageStart = at - Math.floorMod(at, (long) PAGE);
            byte[] page = page(pageStart);
            int inPage = (int) (at - pageStart);
            if (inPage >= page.length) {
                throw new EOFException(name + " ends at byte " + (pageStart + page.length) + " but a structure at byte "
                        + position + " needs " + len + " bytes");
            }
            int n = Math.min(len - done, page.length - inPage);
            System.arraycopy(page, inPage, dst, off + done, n);
            done += n;
        }
    }

    /** {@code len} bytes at {@code position}; {@code len} is capped at {@link #MAX_STRUCTURE}. */
    public final byte[] bytes(long position, int len) throws IOException {
        if (len < 0 || len > MAX_STRUCTURE) {
            throw new CorruptImageException(name + " declares a " + len + "-byte structure at byte " + position
                    + " (at most " + MAX_STRUCTURE + " are read)");
        }
        byte[] b = new byte[len];
        readFully(position, b, 0, len);
        return b;
    }

    public final int u8(long position) throws IOException {
        byte[] b = new byte[1];
        readFully(position, b, 0, 1);
        return b[0] & 0xFF;
    }

    public final int u16(long position, ByteOrder order) throws IOException {
        byte[] b = new byte[2];
        readFully(position, b, 0, 2);
        return order == ByteOrder.BIG_ENDIAN ? (b[0] & 0xFF) << 8 | b[1] & 0xFF : (b[1] & 0xFF) << 8 | b[0] & 0xFF;
    }

    public final long u32(long position, ByteOrder order) throws IOException {
        byte[] b = new byte[4];
        readFully(position, b, 0, 4);
        return ByteFields.u32(b, 0, order);
    }

    public final long u64(long position, ByteOrder order) throws IOException {
        byte[] b = new byte[8];
        readFully(position, b, 0, 8);
        long hi = ByteFields.u32(b, order == ByteOrder.BIG_ENDIAN ? 0 : 4, order);
        long lo = ByteFields.u32(b, order == ByteOrder.BIG_ENDIAN ? 4 : 0, order);
        return hi << 32 | lo;
    }

    private byte[] page(long pageStart) throws IOException {
        byte[] page = pages.get(pageStart);
        if (page != null) {
            return page;
        }
        byte[] buffer = new byte[PAGE];
        int n = fill(pageStart, buffer);
        page = n == PAGE ? buffer : java.util.Arrays.copyOf(buffer, Math.max(0, n));
        pages.put(pageStart, page);
        return page;
    }

    @Override
    public void close() throws IOException {
        pages.clear();
    }
}
