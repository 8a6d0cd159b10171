/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.imaging.internal.jpeg;

/**
 * A JPEG Huffman table prepared for decoding (ITU T.81 Annex C/F). Codes up to {@link #FAST_BITS} long are
 * decoded with one table lookup; for AC tables the lookup also yields the coefficient itself whenever the code and
 * its magnitude bits fit in {@link #FAST_BITS} (most coefficients of a photo), as libjpeg-turbo does. Longer codes
 * take the canonical bit-by-bit path.
 */
final class HuffmanTable {
    static final int FAST_BITS = 10;
    private static final int FAST_SIZE = 1 << FAST_BITS;

    /** Code length << 8 | symbol for every {@link #FAST_BITS}-bit prefix, 0 when the code is longer. */
    final int[] lookup = new int[FAST_SIZE];
    /**
     * value << 16 | run << 8 | consumed bits, when code + magnitude fit; run 64 marks end of block (and, in a DC
     * table, whose symbols are sizes with run 0, a difference of 0); 0 when the slow path must decode. Serves AC
     * and DC tables alike.
     */
    final int[] ac = new int[FAST_SIZE];
    /**
     * For AC tables: the first one or two coefficients of the prefix, each read as in {@link #ac}, 0 when the first
     * is not in {@link #ac}. Packed as {@code value2 << 48 | (value1 & 0xFFFF) << 24 | advance2 << 17 | advance1 << 10
     * | bitsAll << 5 | bitsOne}, where an advance is run + 1 (65 for an end of block) and the value is written at
     * the position before it. The second symbol is there only when the first is not an end of block and both fit
     * in the prefix; otherwise {@code advance2} is 0, {@code value2} is {@code value1} (rewriting it changes
     * nothing) and {@code bitsAll} is {@code bitsOne}. The second is valid only when the first leaves the block
     * unfinished: otherwise its bits are the next block's DC.
     */
    final long[] pair = new long[FAST_SIZE];
    /**
     * For AC tables read only to be skipped (a 1/8 decode), 0 when the first code is longer than
     * {@link #FAST_BITS}; otherwise two readings of the prefix, packed as
     * {@code advance << 24 | need << 17 | bitsAll << 12 | advanceOne << 5 | bitsOne}:
     * <ul>
     *   <li>the first symbol alone: {@code bitsOne} (code plus magnitude; the magnitude need not fit in the prefix)
     *       and {@code advanceOne} (run + 1; 16 for ZRL; 64 for an end of block);</li>
     *   <li>every whole symbol the prefix holds (code and magnitude, at most {@link #SKIP_SYMBOLS}, up to and
     *       including an end of block): {@code bitsAll}, {@code advance} (the coefficients they cover, plus 64
     *       when they end with an end of block) and {@code need}, the room they need left in the block (their
     *       coefficients, plus 1 for an end of block: an end of block right after the 63rd coefficient would be
     *       the next block's DC). Valid only when {@code k + need <= 64}; otherwise the first symbol alone.</li>
     * </ul>
     */
    final int[] skip = new int[FAST_SIZE];
    /** The most symbols one {@link #skip} entry takes at once. */
    static final int SKIP_SYMBOLS = 4;
    /** Largest code of each length (1..16), -1 when none; index 17 is a sentinel. */
    final int[] maxCode = new int[18];
    /** Index into {@link #symbols} of the first code of each length, minus that code. */
    final int[] offset = new int[17];
    final byte[] symbols;

    /**
     * @param counts  number of codes of each length 1..16 ({@code counts[0]} is length 1)
     * @param symbols the symbols in code order
     */
    HuffmanTable(int[] counts, byte[] symbols) throws JpegFormatException {
        validate(counts, symbols);
        this.symbols = symbols;
        int code = 0;
        int k = 0;
        for (int len = 1; len <= 16; len++) {
            int n = counts[len - 1];
            offset[len] = k - code;
            if (n > 0) {
                maxCode[len] = code + n - 1;
                for (int i = 0; i < n; i++, code++, k++) {
                    if (len <= FAST_BITS) {
                        int shift = FAST_BITS - len;
                        int entry = len << 8 | (symbols[k] & 0xFF);
                        for (int j = code << shift, end = (code + 1) << shift; j < end; j++) {
                            lookup[j] = entry;
                        }
                    }
                }
            } else {
                maxCode[len] = -1;
            }
            if (code > 1 << len) {
                throw new JpegFormatException("bad Huffman table: more codes than " + len + "-bit lengths allow");
            }
            code <<= 1;
        }
        maxCode[17] = Integer.MAX_VALUE;
        for (int prefix = 0; prefix < FAST_SIZE; prefix++) {
            int entry = lookup[prefix];
            if (entry == 0) {
                continue;
            }
            int len = entry >> 8;
            int rs = entry & 0xFF;
            int run = rs >> 4;
            int size = rs & 15;
            skip[prefix] = skipEntry(prefix, len, run, size);
            if (size == 0) {
                // EOB (and, as libjpeg reads it, any r/0 other than ZRL); ZRL skips 16 zeros
                ac[prefix] = run == 15 ? 15 << 8 | len : 64 << 8 | len;
            } else if (len + size <= FAST_BITS) {
                int bits = prefix >> (FAST_BITS - len - size) & ((1 << size) - 1);
                int value = extend(bits, size);
                ac[prefix] = value << 16 | run << 8 | (len + size);
            }
        }
        for (int prefix = 0; prefix < FAST_SIZE; prefix++) {
            pair[prefix] = pairEntry(prefix);
        }
    }

    /**
     * Refuses, before any lookup is filled, counts that over-subscribe a code length (a crafted DHT would otherwise
     * index past the lookup) or that name more symbols than the table holds.
     */
    static void validate(int[] counts, byte[] symbols) throws JpegFormatException {
        long code = 0;
        int total = 0;
        for (int len = 1; len <= 16; len++) {
            int n = counts[len - 1];
            if (n < 0) {
                throw new JpegFormatException("bad Huffman table: negative count for " + len + "-bit codes");
            }
            code += n;
            total += n;
            if (code > 1L << len) {
                throw new JpegFormatException("bad Huffman table: more codes than " + len + "-bit lengths allow");
            }
            code <<= 1;
        }
        if (total > symbols.length) {
            throw new JpegFormatException("bad Huffman table: " + total + " codes but " + symbols.length + " symbols");
        }
    }

    /** The {@link #pair} entry of a prefix. */
    private long pairEntry(int prefix) {
        int first = ac[prefix];
        if (first == 0) {
            return 0;
        }
        int bitsOne = first & 0xFF;
        int advanceOne = (first >> 8 & 0xFF) + 1;
        long valueOne = first >> 16;
        int bitsAll = bitsOne;
        int advanceTwo = 0;
        long valueTwo = valueOne;
        if (advanceOne <= 63) {
            int second = ac[prefix << bitsOne & (FAST_SIZE - 1)];
            if (second != 0 && (second & 0xFF) <= FAST_BITS - bitsOne) {
                bitsAll += second & 0xFF;
                advanceTwo = (second >> 8 & 0xFF) + 1;
                valueTwo = second >> 16;
            }
        }
        return valueTwo << 48 | (valueOne & 0xFFFF) << 24 | (long) advanceTwo << 17 | advanceOne << 10
                | bitsAll << 5 | bitsOne;
    }

    /** The {@link #skip} entry of a prefix whose first code is {@code len} bits long and stands for run/size. */
    private int skipEntry(int prefix, int len, int run, int size) {
        int bitsOne = len + size;
        int advanceOne = size == 0 && run != 15 ? 64 : run + 1;
        int bitsAll = 0;
        int covered = 0;
        boolean end = false;
        for (int n = 0; n < SKIP_SYMBOLS && !end; n++) {
            int left = FAST_BITS - bitsAll;
            int entry = lookup[prefix << bitsAll & (FAST_SIZE - 1)];
            int l = entry >> 8;
            int r = (entry & 0xFF) >> 4;
            int z = entry & 15;
            if (entry == 0 || l + z > left || covered + r + 1 > 63) {
                break;
            }
            bitsAll += l + z;
            if (z == 0 && r != 15) {
                end = true;
            } else {
                covered += z == 0 ? 16 : r + 1;
            }
        }
        if (bitsAll == 0) {                  // not even the first symbol is whole in the prefix
            bitsAll = bitsOne;
            covered = advanceOne == 64 ? 0 : advanceOne;
            end = advanceOne == 64;
        }
        int need = covered + (end ? 1 : 0);
        int advance = covered + (end ? 64 : 0);
        return advance << 24 | need << 17 | bitsAll << 12 | advanceOne << 5 | bitsOne;
    }

    /** The signed value of {@code size} magnitude bits (T.81 F.2.2.1 EXTEND). */
    static int extend(int bits, int size) {
        return bits < 1 << (size - 1) ? bits - (1 << size) + 1 : bits;
    }
}
