/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.imaging.raw.internal;

import com.galerly.imaging.spi.ByteFields;
import java.io.IOException;
import java.nio.ByteOrder;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * Walks the TIFF structure of CR2, NEF, ARW, DNG, ORF, PEF and RW2 files: the IFD0 chain, sub-IFDs, the EXIF IFD and
 * the makernote directories that hold previews (Nikon, Olympus / OM System, Pentax), collecting every pointer to an
 * embedded JPEG. Directories are visited in file order (a priority queue on their offset), so a streamed file is
 * read forward; each is visited once (a cycle ends there) and their number, size and fan-out are bounded.
 */
final class TiffWalker {
    /** What the first bytes said. */
    enum Kind {
        /** A plain TIFF header: a RAW only if IFD0 says so (NEF, ARW, DNG, PEF...). */
        TIFF,
        CR2,
        ORF,
        RW2
    }

    private enum Role {
        MAIN, SUB, EXIF, NIKON, NIKON_PREVIEW, OLYMPUS, OLYMPUS_SETTINGS, PENTAX
    }

    private record Dir(long at, long base, ByteOrder order, Role role, int index, String name) {
    }

    private record Entry(int tag, int type, long count, long value, long valueAt) {
    }

    static final int CFA = 32803;
    static final int LINEAR_RAW = 34892;
    /** Compression codes used only for sensor data: Sony, Nikon, Kodak, Pentax, lossy DNG... */
    private static final Set<Integer> RAW_COMPRESSIONS = Set.of(32767, 32769, 32770, 32867, 34713, 34892, 65000, 65535);
    private static final int MAX_CHAIN = 8;
    private static final int MAX_DEPTH = 3;

    private final ByteSource source;
    private final Kind kind;
    private final RawLayout layout = new RawLayout();
    private final PriorityQueue<Dir> queue = new PriorityQueue<>(Comparator.comparingLong(Dir::at));
    private final Set<Long> seen = new HashSet<>();
    private int visited;
    private boolean rawHint;

    private TiffWalker(ByteSource source, Kind kind) {
        this.source = source;
        this.kind = kind;
    }

    /**
     * Walks the file. For {@link Kind#TIFF} it stops after IFD0 when nothing there hints at sensor data, leaving
     * {@link RawLayout#format} null: the file is then an ordinary TIFF for the TIFF decoder.
     */
    static RawLayout walk(ByteSource source, Kind kind) throws IOException {
        return new TiffWalker(source, kind).run();
    }

    private RawLayout run() throws IOException {
        byte[] header = source.bytes(0, 8);
        ByteOrder order = ByteFields.tiffOrder(header, 0);
        if (order == null) {
            layout.damaged("no TIFF byte order mark");
            return layout;
        }
        long ifd0 = ByteFields.u32(header, 4, order);
        if (kind == Kind.TIFF && !source.randomAccessTo(ifd0)) {
            return layout;                 // too far back in a stream to look without losing the file: a plain TIFF
        }
        layout.rawData = kind != Kind.TIFF;
        visit(new Dir(ifd0, 0, order, Role.MAIN, 0, "IFD0"));
        if (kind == Kind.TIFF && !rawHint) {
            return layout;
        }
        while (!queue.isEmpty() && visited < RawLimits.MAX_DIRECTORIES) {
            visit(queue.poll());
        }
        if (kind == Kind.TIFF && !layout.rawData) {
            return layout;                 // sub-IFDs but no sensor data anywhere: an ordinary TIFF after all
        }
        layout.format = format();
        return layout;
    }

    private String format() {
        switch (kind) {
            case CR2:
                return "CR2";
            case ORF:
                return "ORF";
            case RW2:
                return "RW2";
            default:
                break;
        }
        if (layout.dng) {
            return "DNG";
        }
        String make = layout.make == null ? "" : layout.make.toUpperCase(Locale.ROOT);
        if (make.startsWith("NIKON")) {
            return "NEF";
        }
        if (make.startsWith("SONY")) {
            return "ARW";
        }
        if (make.startsWith("PENTAX") || make.startsWith("RICOH") || make.startsWith("ASAHI")) {
            return "PEF";
        }
        if (make.startsWith("SAMSUNG")) {
            return "SRW";
        }
        if (make.startsWith("OLYMPUS") || make.startsWith("OM DIGITAL")) {
            return "ORF";
        }
        return "TIFF-based RAW";
    }

    private void visit(Dir d) throws IOException {
        if (!seen.add(d.at()) || visited >= RawLimits.MAX_DIRECTORIES) {
            return;
        }
        visited++;
        if (d.at() < 8 || !source.contains(d.at(), 2)) {
            fault(d, d.name() + " at byte " + d.at() + " lies outside the file");
            return;
        }
        int count = source.u16(d.at(), d.order());
        if (count == 0 || count > RawLimits.MAX_ENTRIES) {
            fault(d, d.name() + " at byte " + d.at() + " declares " + count + " entries");
            return;
        }
        int size = 2 + 12 * count;
        if (!source.contains(d.at(), size)) {
            fault(d, d.name() + " at byte " + d.at() + " (" + count + " entries) runs past the end of the file");
            return;
        }
        byte[] block = source.bytes(d.at(), size);
        Map<Integer, Entry> entries = new HashMap<>();
        for (int i = 0; i < count; i++) {
            int p = 2 + 12 * i;
            int tag = ByteFields.u16(block, p, d.order());
            entries.putIfAbsent(tag, new Entry(tag, ByteFields.u16(block, p + 2, d.order()),
                    ByteFields.u32(block, p + 4, d.order()), ByteFields.u32(block, p + 8, d.order()), d.at() + p + 8));
        }
        switch (d.role()) {
            case MAIN, SUB -> image(d, entries);
            case EXIF -> makerNote(d, entries.get(0x927C));
            case NIKON -> follow(d, entries.get(0x0011), Role.NIKON_PREVIEW, "Nikon preview IFD");
            case NIKON_PREVIEW -> pair(d, entries.get(0x0201), entries.get(0x0202), "Nikon makernote preview");
            case OLYMPUS -> follow(d, entries.get(0x2020), Role.OLYMPUS_SETTINGS, "Olympus camera settings");
            case OLYMPUS_SETTINGS -> pair(d, entries.get(0x0101), entries.get(0x0102), "Olympus makernote preview");
            case PENTAX -> pair(d, entries.get(0x0005), entries.get(0x0004), "Pentax makernote preview");
            default -> throw new IllegalStateException(d.role().name());
        }
        if (d.role() == Role.MAIN && d.index() + 1 < MAX_CHAIN && source.contains(d.at() + size, 4)) {
            long next = source.u32(d.at() + size, d.order());
            if (next != 0) {
                queue.add(new Dir(d.base() + next, d.base(), d.order(), Role.MAIN, d.index() + 1, "IFD" + (d.index() + 1)));
            }
        }
    }

    /** Damage in the main directories means a broken file; in makernotes it only loses their previews. */
    private void fault(Dir d, String what) {
        if (d.role() == Role.MAIN && d.index() == 0) {
            layout.damaged(what);
        }
    }

    private void image(Dir d, Map<Integer, Entry> e) throws IOException {
        long subfile = single(d, e.get(0x00FE), 0);
        long width = single(d, e.get(0x0100), 0);
        long height = single(d, e.get(0x0101), 0);
        long compression = single(d, e.get(0x0103), 1);
        long photometric = single(d, e.get(0x0106), -1);
        // a CR2's raw IFD names its slices (0xC640); its lossless JPEG stream is no preview
        boolean sensor = photometric == CFA || photometric == LINEAR_RAW || RAW_COMPRESSIONS.contains((int) compression)
                || e.containsKey(0xC640);
        boolean ifd0 = d.role() == Role.MAIN && d.index() == 0;
        if (ifd0) {
            layout.make = ascii(d, e.get(0x010F));
            layout.model = ascii(d, e.get(0x0110));
            long orientation = single(d, e.get(0x0112), 0);
            layout.orientation = orientation >= 1 && orientation <= 8 ? (int) orientation : 0;
            layout.dng = e.containsKey(0xC612);
            if (kind == Kind.RW2) {
                layout.sensor(single(d, e.get(0x0002), 0), single(d, e.get(0x0003), 0));
            }
            rawHint = layout.dng || sensor || e.containsKey(0x014A) || (subfile & 1) == 1;
            Entry exif = e.get(0x8769);
            if (exif != null) {
                queue.add(new Dir(d.base() + exif.value(), d.base(), d.order(), Role.EXIF, 0, "EXIF IFD"));
            }
        }
        if (sensor || ifd0 && kind == Kind.ORF) {      // an ORF's IFD0 is its sensor image
            layout.rawData = true;
            layout.sensor(width, height);
        }
        if (sensor || kind != Kind.TIFF) {
            extents(d, e.get(0x0111), e.get(0x0117));
            extents(d, e.get(0x0144), e.get(0x0145));
        }
        pair(d, e.get(0x0201), e.get(0x0202), d.name() + " JPEG");
        if (!sensor && (compression == 6 || compression == 7 || compression == 99)) {
            Entry offsets = e.get(0x0111);
            Entry counts = e.get(0x0117);
            if (offsets != null && counts != null && offsets.count() == 1 && counts.count() == 1) {
                pair(d, offsets, counts, d.name() + " strip");
            }
            Entry tiles = e.get(0x0144);
            Entry tileCounts = e.get(0x0145);
            if (tiles != null && tileCounts != null && tiles.count() == 1 && tileCounts.count() == 1) {
                pair(d, tiles, tileCounts, d.name() + " tile");      // a DNG preview stored as one tile
            }
        }
        Entry jpgFromRaw = e.get(0x002E);
        if (jpgFromRaw != null && jpgFromRaw.type() == 7 && jpgFromRaw.count() > 4) {
            layout.candidate(d.base() + jpgFromRaw.value(), jpgFromRaw.count(), d.name() + " JpgFromRaw");
        }
        Entry subIfds = e.get(0x014A);
        if (subIfds != null && depth(d) < MAX_DEPTH) {
            long[] at = values(d, subIfds, RawLimits.MAX_SUB_IFDS);
            for (int i = 0; at != null && i < at.length; i++) {
                queue.add(new Dir(d.base() + at[i], d.base(), d.order(), Role.SUB, d.index() + 1,
                        d.name() + "/SubIFD" + i));
            }
        }
    }

    private static int depth(Dir d) {
        return d.role() == Role.SUB ? d.index() : 0;
    }

    /** The sensor data must lie inside the file: a cut upload loses exactly that. */
    private void extents(Dir d, Entry offsets, Entry counts) throws IOException {
        if (offsets == null || counts == null || source.length() < 0) {
            return;
        }
        long[] at = values(d, offsets, RawLimits.MAX_STRIPS);
        long[] n = values(d, counts, RawLimits.MAX_STRIPS);
        if (at == null || n == null) {
            return;
        }
        long end = 0;
        for (int i = 0; i < Math.min(at.length, n.length); i++) {
            end = Math.max(end, d.base() + at[i] + n[i]);
        }
        if (end > source.length()) {
            layout.truncated(d.name() + " image data ends at byte " + end + ", past the end of the file ("
                    + source.length() + " bytes)");
        }
    }

    private void pair(Dir d, Entry offset, Entry length, String origin) throws IOException {
        if (offset == null || length == null) {
            return;
        }
        long at = single(d, offset, -1);
        long n = single(d, length, -1);
        if (at >= 0 && n > 0) {
            layout.candidate(d.base() + at, n, origin);
        }
    }

    private void follow(Dir d, Entry pointer, Role role, String name) {
        if (pointer != null && pointer.count() > 0) {
            queue.add(new Dir(d.base() + pointer.value(), d.base(), d.order(), role, 0, name));
        }
    }

    private void makerNote(Dir d, Entry note) throws IOException {
        if (note == null || note.count() < 16 || !source.contains(d.base() + note.value(), 16)) {
            return;
        }
        long at = d.base() + note.value();
        byte[] p = source.bytes(at, (int) Math.min(note.count(), 32));
        if (ByteFields.ascii(p, 0, "Nikon\0") && p.length >= 18) {
            ByteOrder order = ByteFields.tiffOrder(p, 10);
            if (order != null) {
                long tiff = at + 10;
                queue.add(new Dir(tiff + ByteFields.u32(p, 14, order), tiff, order, Role.NIKON, 0, "Nikon makernote"));
            }
        } else if (ByteFields.ascii(p, 0, "OLYMPUS\0") && ByteFields.tiffOrder(p, 8) != null) {
            queue.add(new Dir(at + 12, at, ByteFields.tiffOrder(p, 8), Role.OLYMPUS, 0, "Olympus makernote"));
        } else if (ByteFields.ascii(p, 0, "OM SYSTEM\0\0\0") && ByteFields.tiffOrder(p, 12) != null) {
            queue.add(new Dir(at + 16, at, ByteFields.tiffOrder(p, 12), Role.OLYMPUS, 0, "OM System makernote"));
        } else if (ByteFields.ascii(p, 0, "AOC\0")) {
            ByteOrder order = ByteFields.tiffOrder(p, 4);
            queue.add(new Dir(at + 6, d.base(), order != null ? order : d.order(), Role.PENTAX, 0, "Pentax makernote"));
        } else if (ByteFields.ascii(p, 0, "PENTAX \0") && ByteFields.tiffOrder(p, 8) != null) {
            queue.add(new Dir(at + 10, at, ByteFields.tiffOrder(p, 8), Role.PENTAX, 0, "Pentax makernote"));
        }
    }

    private long single(Dir d, Entry e, long absent) throws IOException {
        if (e == null || e.count() < 1) {
            return absent;
        }
        long[] v = values(d, e, 1);
        return v == null || v.length == 0 ? absent : v[0];
    }

    /** The first values of a BYTE, SHORT, LONG or IFD entry, at most {@code max}; null when unreadable. */
    private long[] values(Dir d, Entry e, int max) throws IOException {
        int size = switch (e.type()) {
            case 1, 7 -> 1;
            case 3 -> 2;
            case 4, 13 -> 4;
            default -> 0;
        };
        if (size == 0 || e.count() < 1) {
            return null;
        }
        int n = (int) Math.min(e.count(), max);
        long total = size * e.count();
        long at = total <= 4 ? e.valueAt() : d.base() + e.value();
        if (!source.contains(at, (long) size * n)) {
            return null;
        }
        byte[] b = source.bytes(at, size * n);
        long[] out = new long[n];
        for (int i = 0; i < n; i++) {
            out[i] = switch (size) {
                case 1 -> b[i] & 0xFF;
                case 2 -> ByteFields.u16(b, 2 * i, d.order());
                default -> ByteFields.u32(b, 4 * i, d.order());
            };
        }
        return out;
    }

    private String ascii(Dir d, Entry e) throws IOException {
        if (e == null || e.type() != 2 || e.count() < 1) {
            return null;
        }
        int n = (int) Math.min(e.count(), 128);
        long at = e.count() <= 4 ? e.valueAt() : d.base() + e.value();
        if (!source.contains(at, n)) {
            return null;
        }
        String s = Bytes.text(source.bytes(at, n), 0, n);
        return s.isEmpty() ? null : s;
    }
}
