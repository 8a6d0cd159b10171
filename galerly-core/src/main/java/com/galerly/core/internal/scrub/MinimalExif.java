/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.core.internal.scrub;

import java.io.ByteArrayOutputStream;
import java.util.Set;
import java.util.TreeMap;

/**
 * Rewrites an EXIF (TIFF) block down to a few IFD0 tags: orientation always, artist and copyright when kept.
 * Everything else goes: the GPS and Exif sub-IFDs (location, maker notes, serial numbers, lens, owner), the
 * thumbnail IFD, and any other IFD0 tag. A block that cannot be parsed is dropped whole.
 */
public final class MinimalExif {
    /** Tag numbers in IFD0. */
    public static final int ORIENTATION = 0x0112;
    public static final int ARTIST = 0x013B;
    public static final int COPYRIGHT = 0x8298;

    private static final int SHORT = 3;
    private static final int ASCII = 2;

    private MinimalExif() {
    }

    /**
     * The reduced TIFF block, or null when nothing is left to keep (or the block is malformed).
     *
     * @param tiff   the TIFF block ({@code II*\0} or {@code MM\0*} first)
     * @param offset where it starts
     * @param length its length
     * @param keep   tags to keep besides orientation
     */
    public static byte[] reduce(byte[] tiff, int offset, int length, Set<Integer> keep) {
        try {
            return reduce0(tiff, offset, length, keep);
        } catch (IndexOutOfBoundsException malformed) {
            return null;
        }
    }

    private static byte[] reduce0(byte[] b, int base, int length, Set<Integer> keep) {
        if (length < 8) {
            return null;
        }
        boolean little;
        if (b[base] == 'I' && b[base + 1] == 'I') {
            little = true;
        } else if (b[base] == 'M' && b[base + 1] == 'M') {
            little = false;
        } else {
            return null;
        }
        Reader r = new Reader(b, base, length, little);
        if (r.u16(2) != 42) {
            return null;
        }
        long ifd = r.u32(4);
        int count = r.u16((int) ifd);
        TreeMap<Integer, byte[]> kept = new TreeMap<>();       // tag -> entry (type, count, value bytes)
        for (int i = 0; i < count; i++) {
            int entry = (int) ifd + 2 + i * 12;
            int tag = r.u16(entry);
            int type = r.u16(entry + 2);
            long n = r.u32(entry + 4);
            if (tag == ORIENTATION && type == SHORT && n == 1) {
                int value = r.u16(entry + 8);
                if (value >= 1 && value <= 8) {
                    kept.put(tag, r.bytesOfShort(value));
                }
            } else if ((tag == ARTIST || tag == COPYRIGHT) && keep.contains(tag) && type == ASCII && n > 0
                    && n < 64 * 1024) {
                int at = n <= 4 ? entry + 8 : (int) r.u32(entry + 8);
                kept.put(tag, r.slice(at, (int) n));
            }
        }
        if (kept.isEmpty()) {
            return null;
        }
        Writer w = new Writer(little);
        w.raw(little ? new byte[] {'I', 'I'} : new byte[] {'M', 'M'});
        w.u16(42);
        w.u32(8);
        w.u16(kept.size());
        int data = 8 + 2 + kept.size() * 12 + 4;
        ByteArrayOutputStream values = new ByteArrayOutputStream();
        for (var e : kept.entrySet()) {
            byte[] value = e.getValue();
            w.u16(e.getKey());
            if (e.getKey() == ORIENTATION) {
                w.u16(SHORT);
                w.u32(1);
                w.raw(value);
                w.raw(new byte[] {0, 0});
            } else {
                w.u16(ASCII);
                w.u32(value.length);
                if (value.length <= 4) {
                    w.raw(value);
                    w.raw(new byte[4 - value.length]);
                } else {
                    w.u32(data + values.size());
                    values.writeBytes(value);
                    if (values.size() % 2 == 1) {
                        values.write(0);
                    }
                }
            }
        }
        w.u32(0);
        w.raw(values.toByteArray());
        return w.out.toByteArray();
    }

    private record Reader(byte[] b, int base, int length, boolean little) {
        int u8(int at) {
            if (at < 0 || at >= length) {
                throw new IndexOutOfBoundsException(at);
            }
            return b[base + at] & 0xFF;
        }

        int u16(int at) {
            return little ? u8(at) | u8(at + 1) << 8 : u8(at) << 8 | u8(at + 1);
        }

        long u32(int at) {
            long lo = u16(little ? at : at + 2);
            long hi = u16(little ? at + 2 : at);
            return hi << 16 | lo;
        }

        byte[] slice(int at, int n) {
            if (at < 0 || n < 0 || at + n > length) {
                throw new IndexOutOfBoundsException(at);
            }
            byte[] out = new byte[n];
            System.arraycopy(b, base + at, out, 0, n);
            return out;
        }

        byte[] bytesOfShort(int value) {
            return little ? new byte[] {(byte) value, (byte) (value >> 8)} : new byte[] {(byte) (value >> 8), (byte) value};
        }
    }

    private static final class Writer {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final boolean little;

        Writer(boolean little) {
            this.little = little;
        }

        void raw(byte[] bytes) {
            out.writeBytes(bytes);
        }

        void u16(int v) {
            if (little) {
                out.write(v);
                out.write(v >> 8);
            } else {
                out.write(v >> 8);
                out.write(v);
            }
        }

        void u32(long v) {
            if (little) {
                u16((int) (v & 0xFFFF));
                u16((int) (v >>> 16));
            } else {
                u16((int) (v >>> 16));
                u16((int) (v & 0xFFFF));
            }
        }
    }
}
