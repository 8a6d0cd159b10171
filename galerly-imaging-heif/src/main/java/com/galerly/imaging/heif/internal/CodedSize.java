/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.imaging.heif.internal;

/**
 * The size a HEVC or AV1 bitstream says it codes, read from its decoder configuration ({@code hvcC}: the sequence
 * parameter set; {@code av1C}: the sequence header OBU). libheif decodes at that size whatever the container's
 * {@code ispe} says, so it is checked before any decode. Returns null when the configuration does not carry it.
 */
public final class CodedSize {
    /** Codecs round sizes up to their block size (HEVC CTBs, AV1 superblocks): at most 64 pixels a side. */
    public static final int PADDING = 64;
    private static final int HEVC_SPS = 33;
    private static final int AV1_SEQUENCE_HEADER = 1;

    private CodedSize() {
    }

    /** width and height coded by the SPS in an {@code hvcC} payload (the box content after its header), or null. */
    public static int[] hevc(byte[] box, int from, int to) {
        if (to - from < 23) {
            return null;
        }
        int arrays = box[from + 22] & 0xFF;
        int at = from + 23;
        for (int a = 0; a < arrays && at + 3 <= to; a++) {
            int type = box[at] & 0x3F;
            int count = (box[at + 1] & 0xFF) << 8 | box[at + 2] & 0xFF;
            at += 3;
            for (int n = 0; n < count && at + 2 <= to; n++) {
                int length = (box[at] & 0xFF) << 8 | box[at + 1] & 0xFF;
                at += 2;
                if (at + length > to) {
                    return null;
                }
                if (type == HEVC_SPS && length > 2) {
                    return sps(unescape(box, at + 2, at + length));
                }
                at += length;
            }
        }
        return null;
    }

    /** Removes emulation prevention bytes (00 00 03 -> 00 00). */
    private static byte[] unescape(byte[] b, int from, int to) {
        byte[] out = new byte[to - from];
        int n = 0;
        int zeros = 0;
        for (int i = from; i < to; i++) {
            int v = b[i] & 0xFF;
            if (zeros >= 2 && v == 3) {
                zeros = 0;
                continue;
            }
            zeros = v == 0 ? zeros + 1 : 0;
            out[n++] = (byte) v;
        }
        return java.util.Arrays.copyOf(out, n);
    }

    private static int[] sps(byte[] rbsp) {
        Bits r = new Bits(rbsp);
        r.skip(4);                                       // sps_video_parameter_set_id
        int subLayers = r.u(3);                           // sps_max_sub_layers_minus1
        r.skip(1);
        r.skip(96);                                      // general profile, tier, level
        boolean[] profile = new boolean[subLayers];
        boolean[] level = new boolean[subLayers];
        for (int i = 0; i < subLayers; i++) {
            profile[i] = r.u(1) == 1;
            level[i] = r.u(1) == 1;
        }
        if (subLayers > 0) {
            r.skip(2 * (8 - subLayers));
        }
        for (int i = 0; i < subLayers; i++) {
            r.skip((profile[i] ? 88 : 0) + (level[i] ? 8 : 0));
        }
        r.ue();                                          // sps_seq_parameter_set_id
        if (r.ue() == 3) {                               // chroma_format_idc
            r.skip(1);
        }
        long width = r.ue();
        long height = r.ue();
        return r.overrun() || width <= 0 || height <= 0 || width > Integer.MAX_VALUE || height > Integer.MAX_VALUE
                ? null : new int[] {(int) width, (int) height};
    }

    /** width and height of the sequence header among an {@code av1C} payload's config OBUs, or null. */
    public static int[] av1(byte[] box, int from, int to) {
        int at = from + 4;
        while (at < to) {
            int header = box[at] & 0xFF;
            int type = header >> 3 & 15;
            boolean extension = (header & 4) != 0;
            boolean sized = (header & 2) != 0;
            at += 1 + (extension ? 1 : 0);
            long size = to - at;
            if (sized) {
                size = 0;
                for (int i = 0; i < 8 && at < to; i++) {
                    int b = box[at++] & 0xFF;
                    size |= (long) (b & 0x7F) << (7 * i);
                    if ((b & 0x80) == 0) {
                        break;
                    }
                }
            }
            if (size < 0 || at + size > to) {
                return null;
            }
            if (type == AV1_SEQUENCE_HEADER) {
                return sequenceHeader(java.util.Arrays.copyOfRange(box, at, (int) (at + size)));
            }
            at += (int) size;
        }
        return null;
    }

    private static int[] sequenceHeader(byte[] obu) {
        Bits r = new Bits(obu);
        r.skip(3);                                       // seq_profile
        r.skip(1);                                       // still_picture
        boolean reduced = r.u(1) == 1;
        if (reduced) {
            r.skip(5);
        } else {
            boolean timing = r.u(1) == 1;
            boolean decoderModel = false;
            int bufferDelayLength = 0;
            if (timing) {
                r.skip(64);
                if (r.u(1) == 1) {
                    r.uvlc();
                }
                decoderModel = r.u(1) == 1;
                if (decoderModel) {
                    bufferDelayLength = r.u(5) + 1;
                    r.skip(32 + 5 + 5);
                }
            }
            boolean initialDisplayDelay = r.u(1) == 1;
            int points = r.u(5) + 1;
            for (int i = 0; i < points && !r.overrun(); i++) {
                r.skip(12);
                if (r.u(5) > 7) {
                    r.skip(1);
                }
                if (decoderModel && r.u(1) == 1) {
                    r.skip(2 * bufferDelayLength + 1);
                }
                if (initialDisplayDelay && r.u(1) == 1) {
                    r.skip(4);
                }
            }
        }
        int widthBits = r.u(4) + 1;
        int heightBits = r.u(4) + 1;
        long width = (long) r.u(widthBits) + 1;
        long height = (long) r.u(heightBits) + 1;
        return r.overrun() ? null : new int[] {(int) width, (int) height};
    }

    /** A big-endian bit reader that reads zeros (and says so) past the end. */
    private static final class Bits {
        private final byte[] b;
        private long pos;

        Bits(byte[] b) {
            this.b = b;
        }

        int u(int n) {
            int v = 0;
            for (int i = 0; i < n; i++) {
                v = v << 1 | bit();
            }
            return v;
        }

        void skip(int n) {
            pos += n;
        }

        private int bit() {
            long byteAt = pos >> 3;
            int v = byteAt < b.length ? (b[(int) byteAt] >> (7 - (int) (pos & 7))) & 1 : 0;
            pos++;
            return v;
        }

        long ue() {
            int zeros = 0;
            while (bit() == 0) {
                if (++zeros > 32 || overrun()) {
                    return -1;
                }
            }
            return (1L << zeros) - 1 + (zeros == 0 ? 0 : u(zeros) & 0xFFFFFFFFL);
        }

        long uvlc() {
            return ue();
        }

        boolean overrun() {
            return pos > 8L * b.length;
        }
    }
}
