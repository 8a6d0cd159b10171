/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.imaging.heif;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * HEIC and AVIF fixtures made during the test run with libheif's own encoder ({@code heif-enc}, Debian package
 * libheif-examples), and edited at the box level where heif-enc cannot go: it writes no {@code irot}/{@code imir}
 * boxes, so those are added to the primary item here (with the {@code iloc} offsets moved accordingly).
 */
final class HeifFixtures {
    static final HeifDecoder DECODER = new HeifDecoder();

    private HeifFixtures() {
    }

    /** Skips the calling test, saying why, when libheif cannot be loaded here. */
    static void assumeLibheif() {
        assumeTrue(DECODER.unavailableReason().isEmpty(), () -> "libheif is not available here, HEIF decoding is not "
                + "tested: " + DECODER.unavailableReason().orElse(""));
    }

    /** Skips the calling test when heif-enc, which makes the fixtures, is not installed. */
    static void assumeEncoder() {
        assumeLibheif();
        assumeTrue(encoder() != null, "heif-enc (Debian package libheif-examples) is not installed: no HEIC fixtures "
                + "can be made, HEIF decoding is not tested");
    }

    private static String encoder() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(java.io.File.pathSeparator)) {
            Path p = Path.of(dir, "heif-enc");
            if (Files.isExecutable(p)) {
                return p.toString();
            }
        }
        return null;
    }

    /** Encodes {@code input} (PNG or JPEG bytes, named by {@code suffix}) with heif-enc and {@code options}. */
    static byte[] encode(byte[] input, String suffix, String output, String... options) {
        try {
            Path dir = Files.createTempDirectory("galerly-heif");
            try {
                Path in = dir.resolve("in." + suffix);
                Path out = dir.resolve(output);
                Files.write(in, input);
                List<String> command = new ArrayList<>(List.of(encoder(), "-q", "92"));
                command.addAll(List.of(options));
                command.addAll(List.of("-o", out.toString(), in.toString()));
                Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
                byte[] log = p.getInputStream().readAllBytes();
                if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                    throw new IllegalStateException("heif-enc failed: " + command + "\n"
                            + new String(log, StandardCharsets.UTF_8));
                }
                return Files.readAllBytes(out);
            } finally {
                try (var files = Files.walk(dir)) {
                    files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Whether heif-enc gave the primary image a rotation or mirror itself (versions after 1.15 may). */
    static boolean transformed(byte[] heif) {
        try {
            return com.galerly.imaging.heif.internal.HeifBoxes.primaryIsTransformed((at, n) ->
                    at >= heif.length ? new byte[0] : java.util.Arrays.copyOfRange(heif, (int) at,
                            (int) Math.min(heif.length, at + n)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A box: 32-bit size, type, payload. */
    static byte[] box(String type, byte[]... payload) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (byte[] b : payload) {
            body.writeBytes(b);
        }
        return ByteBuffer.allocate(8 + body.size()).putInt(8 + body.size()).put(type.getBytes(StandardCharsets.US_ASCII))
                .put(body.toByteArray()).array();
    }

    private record Box(String type, int start, int size) {
        int end() {
            return start + size;
        }
    }

    private static List<Box> children(byte[] file, int from, int to) {
        List<Box> boxes = new ArrayList<>();
        for (int at = from; at + 8 <= to; ) {
            int size = ByteBuffer.wrap(file).getInt(at);
            boxes.add(new Box(new String(file, at + 4, 4, StandardCharsets.US_ASCII), at, size));
            at += size;
        }
        return boxes;
    }

    private static Box find(List<Box> boxes, String type) {
        return boxes.stream().filter(b -> b.type().equals(type)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no " + type + " box"));
    }

    /**
     * Adds transform properties to the primary item: {@code irot} with {@code angle} (quarter turns anticlockwise)
     * when not null, then {@code imir} with {@code axis} when not null, in that order, as essential properties.
     */
    static byte[] withTransforms(byte[] heif, Integer angle, Integer axis) {
        List<Box> top = children(heif, 0, heif.length);
        Box meta = find(top, "meta");
        List<Box> metaChildren = children(heif, meta.start() + 12, meta.end());
        Box pitm = find(metaChildren, "pitm");
        int primary = heif[pitm.start() + 8] == 0 ? ByteBuffer.wrap(heif).getShort(pitm.start() + 12) & 0xFFFF
                : ByteBuffer.wrap(heif).getInt(pitm.start() + 12);
        Box iprp = find(metaChildren, "iprp");
        List<Box> iprpChildren = children(heif, iprp.start() + 8, iprp.end());
        Box ipco = find(iprpChildren, "ipco");
        Box ipma = find(iprpChildren, "ipma");
        int properties = children(heif, ipco.start() + 8, ipco.end()).size();
        ByteArrayOutputStream added = new ByteArrayOutputStream();
        List<Integer> indexes = new ArrayList<>();
        if (angle != null) {
            added.writeBytes(box("irot", new byte[] {(byte) (int) angle}));
            indexes.add(++properties);
        }
        if (axis != null) {
            added.writeBytes(box("imir", new byte[] {(byte) (int) axis}));
            indexes.add(++properties);
        }
        byte[] newIpco = concat(slice(heif, ipco.start(), ipco.end()), added.toByteArray());
        ByteBuffer.wrap(newIpco).putInt(0, newIpco.length);
        byte[] newIpma = addAssociations(slice(heif, ipma.start(), ipma.end()), primary, indexes);
        ByteArrayOutputStream iprpBody = new ByteArrayOutputStream();
        for (Box b : iprpChildren) {
            iprpBody.writeBytes(b == ipco ? newIpco : b == ipma ? newIpma : slice(heif, b.start(), b.end()));
        }
        byte[] newIprp = box("iprp", iprpBody.toByteArray());
        int delta = newIprp.length - iprp.size();
        ByteArrayOutputStream metaBody = new ByteArrayOutputStream();
        metaBody.writeBytes(slice(heif, meta.start() + 8, meta.start() + 12));
        for (Box b : metaChildren) {
            byte[] bytes = b == iprp ? newIprp : slice(heif, b.start(), b.end());
            if (b.type().equals("iloc")) {
                bytes = shiftIloc(bytes, delta);
            }
            metaBody.writeBytes(bytes);
        }
        byte[] newMeta = box("meta", metaBody.toByteArray());
        return concat(slice(heif, 0, meta.start()), newMeta, slice(heif, meta.end(), heif.length));
    }

    private static byte[] addAssociations(byte[] ipma, int primary, List<Integer> indexes) {
        ByteBuffer in = ByteBuffer.wrap(ipma);
        int version = ipma[8];
        boolean wide = (ipma[11] & 1) == 1;
        int entries = in.getInt(12);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(slice(ipma, 8, 16));
        int at = 16;
        for (int e = 0; e < entries; e++) {
            int idSize = version < 1 ? 2 : 4;
            int item = idSize == 2 ? in.getShort(at) & 0xFFFF : in.getInt(at);
            int count = ipma[at + idSize] & 0xFF;
            int assocSize = count * (wide ? 2 : 1);
            out.writeBytes(slice(ipma, at, at + idSize));
            boolean mine = item == primary;
            out.write(count + (mine ? indexes.size() : 0));
            out.writeBytes(slice(ipma, at + idSize + 1, at + idSize + 1 + assocSize));
            if (mine) {
                for (int index : indexes) {
                    if (wide) {
                        out.write(0x80 | index >> 8);
                        out.write(index);
                    } else {
                        out.write(0x80 | index);
                    }
                }
            }
            at += idSize + 1 + assocSize;
        }
        return box("ipma", out.toByteArray());
    }

    /** Moves every file-offset (construction method 0) item of an {@code iloc} box by {@code delta} bytes. */
    private static byte[] shiftIloc(byte[] iloc, int delta) {
        byte[] out = iloc.clone();
        ByteBuffer b = ByteBuffer.wrap(out);
        int version = out[8];
        int offsetSize = (out[12] & 0xFF) >> 4;
        int lengthSize = out[12] & 0x0F;
        int baseSize = (out[13] & 0xFF) >> 4;
        int indexSize = version >= 1 ? out[13] & 0x0F : 0;
        int at = 14;
        int items;
        if (version < 2) {
            items = b.getShort(at) & 0xFFFF;
            at += 2;
        } else {
            items = b.getInt(at);
            at += 4;
        }
        for (int i = 0; i < items; i++) {
            at += version < 2 ? 2 : 4;
            int method = 0;
            if (version >= 1) {
                method = b.getShort(at) & 0x0F;
                at += 2;
            }
            at += 2;                                                // data_reference_index
            int baseAt = at;
            at += baseSize;
            int extents = b.getShort(at) & 0xFFFF;
            at += 2;
            boolean shiftBase = method == 0 && baseSize > 0;
            if (shiftBase) {
                add(b, baseAt, baseSize, delta);
            }
            for (int e = 0; e < extents; e++) {
                at += indexSize;
                if (method == 0 && !shiftBase) {
                    add(b, at, offsetSize, delta);
                }
                at += offsetSize + lengthSize;
            }
        }
        return out;
    }

    private static void add(ByteBuffer b, int at, int size, int delta) {
        if (size == 4) {
            b.putInt(at, b.getInt(at) + delta);
        } else if (size == 8) {
            b.putLong(at, b.getLong(at) + delta);
        } else if (size != 0) {
            throw new IllegalStateException("iloc field of " + size + " bytes");
        }
    }

    /**
     * The {@code nclx} colour box rewritten to name other primaries and transfer (heif-enc 1.15 ignores its own
     * {@code --colour_primaries} options and always writes 2, unspecified).
     */
    static byte[] withNclx(byte[] heif, int primaries, int transfer) {
        byte[] out = heif.clone();
        for (int i = 4; i + 16 <= out.length; i++) {
            if (new String(out, i, 8, StandardCharsets.ISO_8859_1).equals("colrnclx")) {
                ByteBuffer.wrap(out).putShort(i + 8, (short) primaries).putShort(i + 10, (short) transfer);
                return out;
            }
        }
        throw new IllegalStateException("no nclx colour box");
    }

    /** Every {@code ispe} property rewritten to declare {@code width x height} (a header over tiny data). */
    static byte[] withDeclaredSize(byte[] heif, int width, int height) {
        byte[] out = heif.clone();
        for (int i = 4; i + 20 <= out.length; i++) {
            if (out[i] == 'i' && out[i + 1] == 's' && out[i + 2] == 'p' && out[i + 3] == 'e') {
                ByteBuffer.wrap(out).putInt(i + 8, width).putInt(i + 12, height);
            }
        }
        return out;
    }

    private static byte[] slice(byte[] b, int from, int to) {
        return java.util.Arrays.copyOfRange(b, from, to);
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
