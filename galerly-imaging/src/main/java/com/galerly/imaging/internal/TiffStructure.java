/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.imaging.internal;

import com.galerly.core.CorruptImageException;
import java.io.IOException;
import java.nio.ByteOrder;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Set;
import javax.imageio.stream.ImageInputStream;

/**
 * Walks a TIFF's directory tree iteratively, before any third-party reader does, and refuses trees no camera or
 * scanner writes: SubIFD, EXIF, GPS or interoperability pointers nested deeper than {@link #MAX_DEPTH}, more than
 * {@link #MAX_DIRECTORIES} directories, or directories of more than {@link #MAX_ENTRIES} entries. TwelveMonkeys'
 * reader follows nested directories recursively, so a crafted chain of thousands would overflow its stack.
 */
final class TiffStructure {
    static final int MAX_DEPTH = 8;
    static final int MAX_DIRECTORIES = 1024;
    static final int MAX_ENTRIES = 4096;
    private static final int SUB_IFDS = 330;
    private static final int EXIF_IFD = 0x8769;
    private static final int GPS_IFD = 0x8825;
    private static final int INTEROP_IFD = 0xA005;
    private static final int LONG = 4;
    private static final int IFD = 13;

    private TiffStructure() {
    }

    /**
     * Reads a classic TIFF header ({@code II} or {@code MM}, then 42) at {@code base}, setting the stream's byte order
     * from it; false, with the stream's byte order unspecified, when there is none (another format, BigTIFF, damage).
     */
    static boolean header(ImageInputStream in, long base) throws IOException {
        in.seek(base);
        int b0 = in.read();
        int b1 = in.read();
        if (b0 == 'I' && b1 == 'I') {
            in.setByteOrder(ByteOrder.LITTLE_ENDIAN);
        } else if (b0 == 'M' && b1 == 'M') {
            in.setByteOrder(ByteOrder.BIG_ENDIAN);
        } else {
            return false;
        }
        return in.readUnsignedShort() == 42;
    }

    /** Throws {@link CorruptImageException} for a tree past the bounds; restores the stream's byte order. */
    static void requireBounded(String name, ImageInputStream in, long length) throws IOException {
        ByteOrder order = in.getByteOrder();
        try {
            walk(name, in, length);
        } finally {
            in.setByteOrder(order);
            in.seek(0);
        }
    }

    private static void walk(String name, ImageInputStream in, long length) throws IOException {
        if (!header(in, 0)) {
            return;                                    // not classic TIFF (BigTIFF, damage): the reader reports it
        }
        long limit = length > 0 ? length : Long.MAX_VALUE;
        ArrayDeque<long[]> pending = new ArrayDeque<>();
        pending.add(new long[] {in.readUnsignedInt(), 0});
        Set<Long> seen = new HashSet<>();
        while (!pending.isEmpty()) {
            long[] next = pending.poll();
            long at = next[0];
            int depth = (int) next[1];
            if (at == 0 || at + 2 > limit || !seen.add(at)) {
                continue;                              // absent, out of the file, or a loop the reader also guards
            }
            if (depth > MAX_DEPTH) {
                throw new CorruptImageException(name + " is a malformed tiff image: directories nested deeper than "
                        + MAX_DEPTH + " levels (SubIFD/EXIF pointers)");
            }
            if (seen.size() > MAX_DIRECTORIES) {
                throw new CorruptImageException(name + " is a malformed tiff image: more than " + MAX_DIRECTORIES
                        + " directories");
            }
            in.seek(at);
            int entries = in.readUnsignedShort();
            if (entries > MAX_ENTRIES) {
                throw new CorruptImageException(name + " is a malformed tiff image: a directory of " + entries
                        + " entries");
            }
            for (int e = 0; e < entries; e++) {
                long entry = at + 2 + 12L * e;
                if (entry + 12 > limit) {
                    return;
                }
                in.seek(entry);
                int tag = in.readUnsignedShort();
                int type = in.readUnsignedShort();
                long count = in.readUnsignedInt();
                if ((tag == SUB_IFDS || tag == EXIF_IFD || tag == GPS_IFD || tag == INTEROP_IFD)
                        && (type == LONG || type == IFD) && count > 0) {
                    if (count == 1) {
                        pending.add(new long[] {in.readUnsignedInt(), depth + 1});
                    } else {
                        long array = in.readUnsignedInt();
                        for (long i = 0; i < Math.min(count, MAX_DIRECTORIES) && array + 4 * (i + 1) <= limit; i++) {
                            in.seek(array + 4 * i);
                            pending.add(new long[] {in.readUnsignedInt(), depth + 1});
                        }
                    }
                }
            }
            long nextAt = at + 2 + 12L * entries;
            if (nextAt + 4 <= limit) {
                in.seek(nextAt);
                pending.add(new long[] {in.readUnsignedInt(), depth});
            }
        }
    }
}
