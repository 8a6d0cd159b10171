/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.testkit.image;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * EXIF content for fixtures, written by hand as a big-endian TIFF structure: orientation, camera fields,
 * artist and copyright, and GPS coordinates (so tests can prove that GPS never reaches a rendition).
 *
 * <pre>{@code
 * ExifData exif = ExifData.builder().orientation(6).make("Galerly").gps(48.8584, 2.2945).build();
 * byte[] jpeg = JpegMarkers.insert(plainJpeg, JpegMarkers.exif(exif));
 * }</pre>
 *
 * @param orientation     1..8, or 0 to omit the tag
 * @param make            camera make, or null
 * @param model           camera model, or null
 * @param artist          artist, or null
 * @param copyright       copyright notice, or null
 * @param dateTimeOriginal {@code yyyy:MM:dd HH:mm:ss}, or null
 * @param latitude        GPS latitude in degrees (NaN to omit GPS)
 * @param longitude       GPS longitude in degrees
 */
public record ExifData(int orientation, String make, String model, String artist, String copyright,
                       String dateTimeOriginal, double latitude, double longitude) {
    public ExifData {
        if (orientation < 0 || orientation > 8) {
            throw new IllegalArgumentException("orientation must be 0..8, was " + orientation);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder().orientation(orientation).make(make).model(model).artist(artist).copyright(copyright)
                .dateTimeOriginal(dateTimeOriginal);
        b.latitude = latitude;
        b.longitude = longitude;
        return b;
    }

    /** Whether GPS coordinates are included. */
    public boolean hasGps() {
        return !Double.isNaN(latitude);
    }

    /** The TIFF structure ({@code MM\0*...}), as it follows {@code Exif\0\0} in a JPEG APP1 segment. */
    public byte[] tiff() {
        Ifd ifd0 = new Ifd();
        ifd0.ascii(0x010F, make);
        ifd0.ascii(0x0110, model);
        if (orientation > 0) {
            ifd0.put(0x0112, 3, 1, new byte[] {0, (byte) orientation, 0, 0});
        }
        ifd0.ascii(0x013B, artist);
        ifd0.ascii(0x8298, copyright);
        Ifd exif = new Ifd();
        exif.ascii(0x9003, dateTimeOriginal);
        Ifd gps = new Ifd();
        if (hasGps()) {
            gps.ascii(0x0001, latitude >= 0 ? "N" : "S");
            gps.put(0x0002, 5, 3, degrees(Math.abs(latitude)));
            gps.ascii(0x0003, longitude >= 0 ? "E" : "W");
            gps.put(0x0004, 5, 3, degrees(Math.abs(longitude)));
        }
        List<Ifd> ifds = new ArrayList<>(List.of(ifd0));
        if (!exif.entries.isEmpty()) {
            ifd0.put(0x8769, 4, 1, new byte[4]);
            ifds.add(exif);
        }
        if (!gps.entries.isEmpty()) {
            ifd0.put(0x8825, 4, 1, new byte[4]);
            ifds.add(gps);
        }
        int[] at = new int[ifds.size()];
        int offset = 8;
        for (int i = 0; i < ifds.size(); i++) {
            at[i] = offset;
            offset += ifds.get(i).size();
        }
        if (!exif.entries.isEmpty()) {
            ifd0.put(0x8769, 4, 1, int32(at[ifds.indexOf(exif)]));
        }
        if (!gps.entries.isEmpty()) {
            ifd0.put(0x8825, 4, 1, int32(at[ifds.indexOf(gps)]));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {'M', 'M', 0, 42, 0, 0, 0, 8});
        for (int i = 0; i < ifds.size(); i++) {
            ifds.get(i).write(out, at[i]);
        }
        return out.toByteArray();
    }

    private static byte[] degrees(double value) {
        int d = (int) value;
        int m = (int) ((value - d) * 60);
        long s = Math.round(((value - d) * 60 - m) * 60 * 1000);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (long[] r : new long[][] {{d, 1}, {m, 1}, {s, 1000}}) {
            out.writeBytes(int32((int) r[0]));
            out.writeBytes(int32((int) r[1]));
        }
        return out.toByteArray();
    }

    private static byte[] int32(int v) {
        return new byte[] {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v};
    }

    /** One IFD: entries sorted by tag, values over four bytes stored right after it. */
    private static final class Ifd {
        private final Map<Integer, Object[]> entries = new TreeMap<>();

        void ascii(int tag, String value) {
            if (value != null) {
                byte[] b = (value + "\0").getBytes(StandardCharsets.UTF_8);
                put(tag, 2, b.length, b);
            }
        }

        void put(int tag, int type, int count, byte[] value) {
            entries.put(tag, new Object[] {type, count, value});
        }

        int size() {
            int size = 2 + 12 * entries.size() + 4;
            for (Object[] e : entries.values()) {
                byte[] v = (byte[]) e[2];
                if (v.length > 4) {
                    size += v.length + (v.length & 1);
                }
            }
            return size;
        }

        void write(ByteArrayOutputStream out, int offset) {
            int values = offset + 2 + 12 * entries.size() + 4;
            ByteArrayOutputStream extra = new ByteArrayOutputStream();
            out.write(entries.size() >>> 8);
            out.write(entries.size());
            for (Map.Entry<Integer, Object[]> e : entries.entrySet()) {
                int type = (Integer) e.getValue()[0];
                int count = (Integer) e.getValue()[1];
                byte[] v = (byte[]) e.getValue()[2];
                out.write(e.getKey() >>> 8);
                out.write(e.getKey());
                out.write(type >>> 8);
                out.write(type);
                out.writeBytes(int32(count));
                if (v.length <= 4) {
                    out.writeBytes(java.util.Arrays.copyOf(v, 4));
                } else {
                    out.writeBytes(int32(values + extra.size()));
                    extra.writeBytes(v);
                    if ((v.length & 1) == 1) {
                        extra.write(0);
                    }
                }
            }
            out.writeBytes(new byte[4]);
            out.writeBytes(extra.toByteArray());
        }
    }

    /** Builds {@link ExifData}; everything is optional. */
    public static final class Builder {
        private int orientation;
        private String make;
        private String model;
        private String artist;
        private String copyright;
        private String dateTimeOriginal;
        private double latitude = Double.NaN;
        private double longitude = Double.NaN;

        private Builder() {
        }

        public Builder orientation(int orientation) {
            if (orientation < 0 || orientation > 8) {
                throw new IllegalArgumentException("orientation must be 0..8, was " + orientation);
            }
            this.orientation = orientation;
            return this;
        }

        public Builder make(String make) {
            this.make = make;
            return this;
        }

        public Builder model(String model) {
            this.model = model;
            return this;
        }

        public Builder artist(String artist) {
            this.artist = artist;
            return this;
        }

        public Builder copyright(String copyright) {
            this.copyright = copyright;
            return this;
        }

        public Builder dateTimeOriginal(String dateTimeOriginal) {
            this.dateTimeOriginal = dateTimeOriginal;
            return this;
        }

        public Builder gps(double latitude, double longitude) {
            if (!(Math.abs(latitude) <= 90) || !(Math.abs(longitude) <= 180)) {
                throw new IllegalArgumentException("gps must be within +-90, +-180, was " + latitude + ", " + longitude);
            }
            this.latitude = latitude;
            this.longitude = longitude;
            return this;
        }

        public ExifData build() {
            return new ExifData(orientation, make, model, artist, copyright, dateTimeOriginal, latitude, longitude);
        }
    }
}
