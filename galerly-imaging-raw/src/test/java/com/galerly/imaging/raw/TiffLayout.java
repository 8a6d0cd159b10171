/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.imaging.raw;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToLongFunction;

/**
 * Writes TIFF-structured files for tests (CR2, NEF, ARW, DNG, ORF, PEF, RW2 fixtures): pieces (header, data blocks,
 * IFDs, marks) are laid out in the order they are added, then written with every offset resolved, so a directory can
 * point forward or backward, relative to the file or to a makernote's own base, as camera firmware does.
 */
final class TiffLayout {
    /** Something with a size that gets a position in the file. */
    interface Piece {
        int size();

        void write(ByteBuffer out, TiffLayout layout);
    }

    private final List<Piece> pieces = new ArrayList<>();
    private final Map<Piece, Integer> positions = new IdentityHashMap<>();

    <T extends Piece> T add(T piece) {
        pieces.add(piece);
        return piece;
    }

    Data data(byte[] bytes) {
        return add(new Data(bytes));
    }

    Mark mark() {
        return add(new Mark());
    }

    Ifd ifd(ByteOrder order) {
        return add(new Ifd(order));
    }

    long position(Piece piece) {
        Integer at = positions.get(piece);
        if (at == null) {
            throw new IllegalStateException("piece not laid out: " + piece);
        }
        return at;
    }

    byte[] build() {
        int at = 0;
        for (Piece p : pieces) {
            at += at & 1;                   // TIFF values start on word boundaries
            positions.put(p, at);
            at += p.size();
        }
        ByteBuffer out = ByteBuffer.allocate(at);
        for (Piece p : pieces) {
            out.position(positions.get(p));
            p.write(out, this);
        }
        return out.array();
    }

    /** Raw bytes. */
    static final class Data implements Piece {
        private final byte[] bytes;

        Data(byte[] bytes) {
            this.bytes = bytes;
        }

        @Override
        public int size() {
            return bytes.length;
        }

        @Override
        public void write(ByteBuffer out, TiffLayout layout) {
            out.put(bytes);
        }
    }

    /** A position and nothing else: the start or end of a makernote. */
    static final class Mark implements Piece {
        @Override
        public int size() {
            return 0;
        }

        @Override
        public void write(ByteBuffer out, TiffLayout layout) {
        }
    }

    /** A header whose bytes depend on where other pieces landed (the IFD0 offset, a CR2's raw IFD offset). */
    static final class Header implements Piece {
        private final int size;
        private final java.util.function.Function<TiffLayout, byte[]> bytes;

        Header(int size, java.util.function.Function<TiffLayout, byte[]> bytes) {
            this.size = size;
            this.bytes = bytes;
        }

        @Override
        public int size() {
            return size;
        }

        @Override
        public void write(ByteBuffer out, TiffLayout layout) {
            byte[] b = bytes.apply(layout);
            if (b.length != size) {
                throw new IllegalStateException("header of " + b.length + " bytes, declared " + size);
            }
            out.put(b);
        }
    }

    /** An IFD: entries sorted by tag, out-of-line values right after it, offsets relative to its base. */
    static final class Ifd implements Piece {
        private record Entry(int type, ToLongFunction<TiffLayout> count, byte[] value, ToLongFunction<TiffLayout> pointer) {
        }

        private final ByteOrder order;
        private final TreeMap<Integer, Entry> entries = new TreeMap<>();
        private ToLongFunction<TiffLayout> base = l -> 0;
        private Ifd next;

        Ifd(ByteOrder order) {
            this.order = order;
        }

        /** Offsets in this IFD count from {@code mark} plus {@code delta} (a makernote's base) instead of 0. */
        Ifd base(Piece mark, int delta) {
            this.base = l -> l.position(mark) + delta;
            return this;
        }

        Ifd next(Ifd ifd) {
            this.next = ifd;
            return this;
        }

        Ifd shorts(int tag, int... values) {
            ByteBuffer b = ByteBuffer.allocate(2 * values.length).order(order);
            for (int v : values) {
                b.putShort((short) v);
            }
            return put(tag, 3, values.length, b.array());
        }

        Ifd longs(int tag, long... values) {
            ByteBuffer b = ByteBuffer.allocate(4 * values.length).order(order);
            for (long v : values) {
                b.putInt((int) v);
            }
            return put(tag, 4, values.length, b.array());
        }

        Ifd ascii(int tag, String value) {
            byte[] b = (value + "\0").getBytes(StandardCharsets.ISO_8859_1);
            return put(tag, 2, b.length, b);
        }

        Ifd bytes(int tag, int type, byte[] value) {
            return put(tag, type, value.length, value);
        }

        private Ifd put(int tag, int type, int count, byte[] value) {
            entries.put(tag, new Entry(type, l -> count, value, null));
            return this;
        }

        /** A LONG (or IFD, type 13) holding where {@code target} is, relative to this IFD's base. */
        Ifd offset(int tag, int type, Piece target) {
            entries.put(tag, new Entry(type, l -> 1, null, l -> l.position(target) - base.applyAsLong(l)));
            return this;
        }

        /** A LONG holding the size of {@code target}. */
        Ifd length(int tag, Piece target) {
            entries.put(tag, new Entry(4, l -> 1, null, l -> target.size()));
            return this;
        }

        /** An array of LONG offsets (SubIFDs). */
        Ifd offsets(int tag, Piece... targets) {
            if (targets.length == 1) {
                return offset(tag, 4, targets[0]);
            }
            entries.put(tag, new Entry(4, l -> targets.length, new byte[4 * targets.length], null));
            subIfds = targets;
            subIfdTag = tag;
            return this;
        }

        private Piece[] subIfds;
        private int subIfdTag = -1;

        /** An UNDEFINED block that lies elsewhere: its count is the distance between two marks (a makernote). */
        Ifd region(int tag, Mark start, Mark end) {
            entries.put(tag, new Entry(7, l -> l.position(end) - l.position(start), null,
                    l -> l.position(start) - base.applyAsLong(l)));
            return this;
        }

        private int extra() {
            int n = 0;
            for (Entry e : entries.values()) {
                if (e.value() != null && e.value().length > 4) {
                    n += e.value().length + (e.value().length & 1);
                }
            }
            return n;
        }

        @Override
        public int size() {
            return 2 + 12 * entries.size() + 4 + extra();
        }

        @Override
        public void write(ByteBuffer out, TiffLayout layout) {
            int start = out.position();
            int values = start + 2 + 12 * entries.size() + 4;
            ByteBuffer b = out.duplicate().order(order);
            b.position(start);
            b.putShort((short) entries.size());
            ByteArrayOutputStream extraBytes = new ByteArrayOutputStream();
            for (Map.Entry<Integer, Entry> me : entries.entrySet()) {
                Entry e = me.getValue();
                b.putShort((short) (int) me.getKey());
                b.putShort((short) e.type());
                b.putInt((int) e.count().applyAsLong(layout));
                byte[] value = e.value();
                if (me.getKey() == subIfdTag) {
                    ByteBuffer v = ByteBuffer.allocate(4 * subIfds.length).order(order);
                    for (Piece p : subIfds) {
                        v.putInt((int) (layout.position(p) - base.applyAsLong(layout)));
                    }
                    value = v.array();
                }
                if (e.pointer() != null) {
                    b.putInt((int) e.pointer().applyAsLong(layout));
                } else if (value.length <= 4) {
                    b.put(java.util.Arrays.copyOf(value, 4));
                } else {
                    b.putInt(values + extraBytes.size() - (int) base.applyAsLong(layout));
                    extraBytes.writeBytes(value);
                    if ((value.length & 1) == 1) {
                        extraBytes.write(0);
                    }
                }
            }
            b.putInt(next == null ? 0 : (int) (layout.position(next) - base.applyAsLong(layout)));
            b.put(extraBytes.toByteArray());
            out.position(b.position());
        }
    }
}
