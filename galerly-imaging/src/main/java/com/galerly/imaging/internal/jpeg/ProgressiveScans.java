/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.imaging.internal.jpeg;

import com.galerly.imaging.internal.planar.Deadline;
import com.galerly.imaging.internal.planar.PlanarImage;
import com.galerly.imaging.internal.planar.Tasks;
import java.io.EOFException;
import java.io.IOException;
import java.util.concurrent.Executor;
import java.util.concurrent.FutureTask;

/**
 * The decoding of a progressive JPEG (SOF2, Huffman): every scan adds to a buffer of quantised coefficients, then
 * one output pass turns them into samples with the same inverse DCTs, at the same scales, as sequential decoding
 * ({@link SampleOutput}). The scans follow ITU T.81 G.1.2: DC first (the difference, shifted up by Al) and
 * refinement (one bit a block), AC first (spectral selection Ss..Se of one component, end-of-band runs) and
 * refinement (a correction bit for every coefficient already non-zero, new coefficients of +-1 << Al); tables
 * may change between scans; restart markers reset predictors and end-of-band runs.
 *
 * <p>The buffer keeps 64 shorts a block, as libjpeg does (a 24 MP 4:2:0 photo: 72 MB). A decode at 1/8 needs
 * only the DC, so it keeps one short a block and skips AC scans without decoding them: their damage cannot
 * change its output. Damage to the data it reads is an error, as in {@link Scan}. The deadline is checked
 * between scans and between rows of blocks.
 */
final class ProgressiveScans extends EntropyReader {
    private final JpegPlanarDecoder.Header header;
    private final int scale;
    private final Executor executor;
    private final JpegPlanarDecoder.Component[] comps;
    /** Quantised coefficients of each component, {@link #per} a block, blocks row by row, zigzag order. */
    private final short[][] coef;
    private final int per;
    /** Blocks across a row of each component, MCU padding included. */
    private final int[] blocksAcross;
    private final int[] pred;
    private int eobrun;

    ProgressiveScans(byte[] data, JpegPlanarDecoder.Header header, int scale, Executor executor) {
        super(data, header.scanStart);
        this.header = header;
        this.scale = scale;
        this.executor = executor;
        this.comps = header.components.clone();
        this.per = scale == 8 ? 1 : 64;
        int n = comps.length;
        coef = new short[n][];
        blocksAcross = new int[n];
        pred = new int[n];
        for (int i = 0; i < n; i++) {
            blocksAcross[i] = header.mcusX() * comps[i].h;
            coef[i] = new short[Math.multiplyExact(Math.multiplyExact(blocksAcross[i], header.mcusY() * comps[i].v),
                    per)];
        }
    }

    PlanarImage decode() throws IOException {
        try {
            return decodeScans();
        } catch (JpegUnsupportedException e) {
            // the header was read once already: a second frame or another process is damage here
            throw new JpegFormatException("corrupt JPEG data: " + e.getMessage() + " between scans");
        }
    }

    private PlanarImage decodeScans() throws IOException, JpegUnsupportedException {
        JpegPlanarDecoder.HeaderReader markers = new JpegPlanarDecoder.HeaderReader(data);
        int at = markers.segments(2);
        while ((data[at] & 0xFF) != 0xD9) {                        // SOS, until EOI
            Deadline.check("decoding");
            int end = markers.end();
            scan(markers, at + 3, end - at - 3);
            pos = end;
            buffer = 0;
            bits = 0;
            fake = 0;
            if (skipping) {
                at = markers.segments();
            } else {
                decodeScan();
                checkComplete();
                at = markers.segments(marker() - 1);
            }
        }
        return output();
    }

    // the scan being read
    private int[] scanComps;
    private int ss;
    private int se;
    private int ah;
    private int al;
    private HuffmanTable[] tables;
    private int interval;
    /** MCUs left in the current restart interval, and the number (0-7) of the next RSTn marker. */
    private int restartLeft;
    private int nextRestart;
    private boolean skipping;

    /** Reads an SOS segment: which components, which coefficients, which bits, which tables. */
    private void scan(JpegPlanarDecoder.HeaderReader markers, int p, int length)
            throws JpegFormatException, JpegUnsupportedException {
        int ns = length < 1 ? 0 : data[p] & 0xFF;
        if (ns < 1 || ns > 4 || length != 4 + 2 * ns) {
            throw new JpegFormatException("bad SOS segment");
        }
        ss = data[p + 1 + 2 * ns] & 0xFF;
        se = data[p + 2 + 2 * ns] & 0xFF;
        ah = (data[p + 3 + 2 * ns] & 0xFF) >> 4;
        al = data[p + 3 + 2 * ns] & 15;
        // T.81 G.1.1.1.1 and libjpeg's checks: DC scans alone may interleave; AC bands lie within 1..63
        boolean bad = ss == 0 ? se != 0 : se < ss || se > 63 || ns != 1;
        if (bad || ah != 0 && al != ah - 1 || al > 13) {
            throw new JpegFormatException("bad progressive scan: Ss=" + ss + " Se=" + se + " Ah=" + ah + " Al=" + al
                    + " for " + ns + " components");
        }
        scanComps = new int[ns];
        tables = new HuffmanTable[ns];
        for (int i = 0; i < ns; i++) {
            int id = data[p + 1 + 2 * i] & 0xFF;
            int t = data[p + 2 + 2 * i] & 0xFF;
            int ci = indexOf(id);
            if (ci < 0) {
                throw new JpegFormatException("scan names component " + id + ", not in the frame");
            }
            for (int j = 0; j < i; j++) {
                if (scanComps[j] == ci) {
                    throw new JpegFormatException("scan names component " + id + " twice");
                }
            }
            scanComps[i] = ci;
            latchQuant(markers, ci);
            if (ss == 0 && ah == 0) {
                tables[i] = table(markers.dc, t >> 4, id);
            } else if (ss > 0) {
                tables[i] = table(markers.ac, t & 15, id);
            }
        }
        if (ns > 1) {
            int blocks = 0;
            for (int ci : scanComps) {
                blocks += comps[ci].h * comps[ci].v;
            }
            if (blocks > 10) {
                throw new JpegFormatException("an MCU of " + blocks + " blocks (at most 10)");
            }
        }
        interval = markers.restart;
        skipping = scale == 8 && ss > 0;
    }

    /** A component's quantisation table is the one defined when its first scan starts (as libjpeg latches it). */
    private void latchQuant(JpegPlanarDecoder.HeaderReader markers, int ci) throws JpegFormatException {
        JpegPlanarDecoder.Component c = comps[ci];
        if (c.quant == null) {
            int[] q = markers.quant[c.quantId];
            if (q == null) {
                throw new JpegFormatException("component " + c.id + " uses undefined quantisation table " + c.quantId);
            }
            JpegPlanarDecoder.Component bound = new JpegPlanarDecoder.Component(c.id, c.h, c.v, q.clone());
            bound.quantId = c.quantId;
            comps[ci] = bound;
        }
    }

    private static HuffmanTable table(HuffmanTable[] tables, int index, int id) throws JpegFormatException {
        if (index > 3 || tables[index] == null) {
            throw new JpegFormatException("component " + id + " uses an undefined Huffman table");
        }
        return tables[index];
    }

    private int indexOf(int id) {
        for (int i = 0; i < comps.length; i++) {
            if (comps[i].id == id) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Before each MCU (or block of a one-component scan): at the end of a restart interval, reads the RSTn marker and
     * resets the DC predictors and the end-of-band run.
     */
    private void countRestart() throws JpegFormatException, EOFException {
        if (interval == 0) {
            return;
        }
        if (restartLeft == 0) {
            restart(nextRestart);
            nextRestart = (nextRestart + 1) & 7;
            java.util.Arrays.fill(pred, 0);
            eobrun = 0;
            restartLeft = interval;
        }
        restartLeft--;
    }

    /** The entropy-coded data of the current scan, MCU by MCU (block by block when it holds one component). */
    private void decodeScan() throws JpegFormatException, EOFException {
        java.util.Arrays.fill(pred, 0);
        eobrun = 0;
        restartLeft = interval;
        nextRestart = 0;
        if (scanComps.length == 1) {
            int ci = scanComps[0];
            JpegPlanarDecoder.Component c = comps[ci];
            // a scan of one component covers its own blocks, not the MCU padding (T.81 A.2.2)
            int across = SampleOutput.ceilDiv(SampleOutput.ceilDiv((long) header.width * c.h, header.hmax), 8);
            int down = SampleOutput.ceilDiv(SampleOutput.ceilDiv((long) header.height * c.v, header.vmax), 8);
            for (int by = 0; by < down; by++) {
                Deadline.check("decoding");
                for (int bx = 0; bx < across; bx++) {
                    countRestart();
                    block(0, ci, (by * blocksAcross[ci] + bx) * per);
                }
            }
            return;
        }
        int mcusX = header.mcusX();
        int mcusY = header.mcusY();
        for (int my = 0; my < mcusY; my++) {
            Deadline.check("decoding");
            for (int mx = 0; mx < mcusX; mx++) {
                countRestart();
                for (int i = 0; i < scanComps.length; i++) {
                    int ci = scanComps[i];
                    JpegPlanarDecoder.Component c = comps[ci];
                    for (int v = 0; v < c.v; v++) {
                        int row = (my * c.v + v) * blocksAcross[ci] + mx * c.h;
                        for (int h = 0; h < c.h; h++) {
                            block(i, ci, (row + h) * per);
                        }
                    }
                }
            }
        }
    }

    /** One block of the scan: its part of the coefficients at {@code base} of component {@code ci}. */
    private void block(int i, int ci, int base) throws JpegFormatException {
        short[] c = coef[ci];
        if (ss == 0) {
            if (ah == 0) {
                pred[ci] = dc(tables[i], pred[ci]);
                c[base] = (short) (pred[ci] << al);
            } else if (bit() != 0) {
                c[base] |= (short) (1 << al);
            }
        } else if (ah == 0) {
            acFirst(c, base, tables[i]);
        } else {
            acRefine(c, base, tables[i]);
        }
    }

    /** T.81 G.1.2.2: the first bits of coefficients Ss..Se, or one more block of an end-of-band run. */
    private void acFirst(short[] c, int base, HuffmanTable t) throws JpegFormatException {
        if (eobrun > 0) {
            eobrun--;
            return;
        }
        int[] fast = t.ac;
        for (int k = ss; k <= se; k++) {
            if (bits < 32) {
                fill();
            }
            int e = fast[(int) (buffer >>> (bits - FAST_BITS)) & FAST_MASK];
            if (e >> 16 != 0) {                                // a coefficient whose code and bits fit the lookup
                bits -= e & 0xFF;
                k += e >> 8 & 0xFF;
                c[base + Math.min(k, 63)] = (short) ((e >> 16) << al);
                continue;
            }
            int rs = symbol(t);
            int r = rs >> 4;
            int s = rs & 15;
            if (s != 0) {
                k += r;
                // a corrupt run past the band lands on the last coefficient, as in libjpeg
                c[base + Math.min(k, 63)] = (short) (receive(s) << al);
            } else if (r == 15) {
                k += 15;
            } else {
                eobrun = (1 << r) - 1 + (r > 0 ? raw(r) : 0);
                return;
            }
        }
    }

    /**
     * T.81 G.1.2.3: a correction bit for each coefficient of Ss..Se already non-zero, and the new coefficients
     * (+-1 << Al) placed among those still zero; an end-of-band run corrects the rest of the band.
     */
    private void acRefine(short[] c, int base, HuffmanTable t) throws JpegFormatException {
        int p1 = 1 << al;
        int m1 = -1 << al;
        int k = ss;
        if (eobrun == 0) {
            for (; k <= se; k++) {
                if (bits < 32) {
                    fill();
                }
                int rs = symbol(t);
                int r = rs >> 4;
                int s = rs & 15;
                if (s != 0) {
                    if (s != 1) {
                        throw new JpegFormatException("bad Huffman code (refinement of size " + s + ")");
                    }
                    s = bit() != 0 ? p1 : m1;
                } else if (r != 15) {
                    eobrun = (1 << r) + (r > 0 ? raw(r) : 0);
                    break;
                }
                // past r coefficients still zero (correcting the non-zero ones on the way), to the new one's place
                do {
                    int at = base + k;
                    int v = c[at];
                    if (v != 0) {
                        if (bit() != 0 && (v & p1) == 0) {
                            c[at] = (short) (v >= 0 ? v + p1 : v + m1);
                        }
                    } else if (--r < 0) {
                        break;
                    }
                    k++;
                } while (k <= se);
                if (s != 0) {
                    c[base + Math.min(k, 63)] = (short) s;
                }
            }
        }
        if (eobrun > 0) {
            for (; k <= se; k++) {
                int at = base + k;
                int v = c[at];
                if (v != 0 && bit() != 0 && (v & p1) == 0) {
                    c[at] = (short) (v >= 0 ? v + p1 : v + m1);
                }
            }
            eobrun--;
        }
    }

    /**
     * The output pass: coefficients to samples, a row of MCUs at a time; with an executor, the lower half of the
     * rows is transformed there while the caller does the upper half.
     */
    private PlanarImage output() {
        SampleOutput output = new SampleOutput(header, comps, scale);
        int mcusY = header.mcusY();
        if (scale == 8) {
            for (int i = 0; i < comps.length; i++) {
                byte[] out = output.out[i];
                short[] dc = coef[i];
                for (int b = 0; b < dc.length; b++) {
                    out[b] = output.dcSample(i, dc[b]);
                }
            }
            return output.image();
        }
        if (executor == null || mcusY < 2) {
            rows(output, 0, mcusY);
        } else {
            int half = mcusY / 2;
            FutureTask<Void> lower = new FutureTask<>(Deadline.carry(() -> rows(output, half, mcusY)), null);
            executor.execute(lower);
            try {
                rows(output, 0, half);
            } finally {
                lower.run();                                 // a no-op once the executor has started it
                Tasks.join(lower, "decoding");
            }
        }
        return output.image();
    }

    /** MCU rows {@code [from, to)} from the coefficients into the planes. */
    private void rows(SampleOutput output, int from, int to) {
        InverseDct[] rows = output.rows();
        for (int my = from; my < to; my++) {
            Deadline.check("decoding");
            for (int i = 0; i < comps.length; i++) {
                JpegPlanarDecoder.Component c = comps[i];
                int[][] zigzag = rows[i].zigzag;
                short[] src = coef[i];
                int across = blocksAcross[i];
                int lanes = across * c.v;
                int first = my * c.v * across * 64;
                for (int k = 0; k < 64; k++) {
                    int[] lane = zigzag[k];
                    for (int b = 0, at = first + k; b < lanes; b++, at += 64) {
                        lane[b] = src[at];
                    }
                }
            }
            output.emit(rows, my);
        }
    }
}
