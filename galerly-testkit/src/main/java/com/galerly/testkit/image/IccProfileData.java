/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.testkit.image;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Wide-gamut ICC profiles built by hand (ICC v2 matrix/TRC, the shape camera and phone profiles have), so
 * tests need no profile files. The matrices are public so a test can compute the expected sRGB values itself.
 *
 * <pre>{@code
 * byte[] p3 = IccProfileData.displayP3();
 * byte[] jpeg = JpegMarkers.insert(ImageFiles.jpeg(image, 95), JpegMarkers.icc(p3));
 * }</pre>
 */
public final class IccProfileData {
    /** Display P3 (sRGB transfer curve) to XYZ, D50-adapted; columns are the red, green and blue colorants. */
    public static final double[][] DISPLAY_P3_TO_XYZ_D50 = {
        {0.515121, 0.291977, 0.157104},
        {0.241196, 0.692245, 0.066574},
        {-0.001053, 0.041885, 0.784073}};
    /** Adobe RGB (1998) (gamma 563/256) to XYZ, D50-adapted. */
    public static final double[][] ADOBE_RGB_TO_XYZ_D50 = {
        {0.609741, 0.205276, 0.149185},
        {0.311111, 0.625671, 0.063217},
        {0.019470, 0.060867, 0.744568}};
    /** sRGB to XYZ, D50-adapted (the PCS side of the JDK's own sRGB profile). */
    public static final double[][] SRGB_TO_XYZ_D50 = {
        {0.436066, 0.385147, 0.143066},
        {0.222488, 0.716873, 0.060608},
        {0.013916, 0.097076, 0.714096}};

    /** ProPhoto (ROMM RGB, gamma 1.8) to XYZ; its white is D50, so no adaptation. */
    public static final double[][] PROPHOTO_TO_XYZ_D50 = {
        {0.797675, 0.135192, 0.031342},
        {0.288040, 0.711874, 0.000086},
        {0.000000, 0.000000, 0.825210}};

    private static final double[] D50 = {0.9642, 1.0, 0.8249};

    private IccProfileData() {
    }

    /** Display P3 as phones and recent cameras embed it. */
    public static byte[] displayP3() {
        return matrixShaper("Display P3", DISPLAY_P3_TO_XYZ_D50, srgbCurve());
    }

    /** Adobe RGB (1998). */
    public static byte[] adobeRgb() {
        return matrixShaper("Adobe RGB (1998)", ADOBE_RGB_TO_XYZ_D50, gammaCurve(563 / 256.0));
    }

    /**
     * Display P3 as Apple's ICC v4 profile writes its curves: a {@code para} function of type 3 (the sRGB
     * transfer function) instead of a table.
     */
    public static byte[] displayP3Parametric() {
        return matrixShaper("Display P3 (parametric)", DISPLAY_P3_TO_XYZ_D50,
                parametricCurve(2.4, 1 / 1.055, 0.055 / 1.055, 1 / 12.92, 0.04045));
    }

    /** ProPhoto RGB (ROMM), the widest of the common editing spaces. */
    public static byte[] proPhoto() {
        return matrixShaper("ProPhoto RGB", PROPHOTO_TO_XYZ_D50, gammaCurve(1.8));
    }

    /** The sRGB transfer function: encoded 0..1 to linear 0..1. */
    public static double srgbToLinear(double v) {
        return v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    }

    /** Linear 0..1 to sRGB-encoded 0..1. */
    public static double linearToSrgb(double v) {
        return v <= 0.0031308 ? v * 12.92 : 1.055 * Math.pow(v, 1 / 2.4) - 0.055;
    }

    private static byte[] srgbCurve() {
        int n = 1024;
        ByteArrayOutputStream curve = new ByteArrayOutputStream();
        curve.writeBytes(ascii("curv"));
        curve.writeBytes(new byte[4]);
        curve.writeBytes(u32(n));
        for (int i = 0; i < n; i++) {
            int v = (int) Math.round(srgbToLinear(i / (double) (n - 1)) * 65535);
            curve.write(v >>> 8);
            curve.write(v);
        }
        return curve.toByteArray();
    }

    /** A {@code para} curve of function type 3: (a x + b)^g for x >= d, else c x. */
    private static byte[] parametricCurve(double g, double a, double b, double c, double d) {
        ByteArrayOutputStream curve = new ByteArrayOutputStream();
        curve.writeBytes(ascii("para"));
        curve.writeBytes(new byte[4]);
        curve.write(0);
        curve.write(3);
        curve.writeBytes(new byte[2]);
        for (double v : new double[] {g, a, b, c, d}) {
            curve.writeBytes(s15f16(v));
        }
        return curve.toByteArray();
    }

    private static byte[] gammaCurve(double gamma) {
        ByteArrayOutputStream curve = new ByteArrayOutputStream();
        curve.writeBytes(ascii("curv"));
        curve.writeBytes(new byte[4]);
        curve.writeBytes(u32(1));
        int g = (int) Math.round(gamma * 256);
        curve.write(g >>> 8);
        curve.write(g);
        return curve.toByteArray();
    }

    private static byte[] matrixShaper(String description, double[][] toXyz, byte[] trc) {
        byte[][] tags = {
            desc(description), xyz(D50), xyz(column(toXyz, 0)), xyz(column(toXyz, 1)), xyz(column(toXyz, 2)), trc,
            text("No copyright, generated for tests")};
        String[] sigs = {"desc", "wtpt", "rXYZ", "gXYZ", "bXYZ", "rTRC", "cprt"};
        int count = sigs.length + 2;                         // gTRC and bTRC share rTRC's data
        int offset = 128 + 4 + 12 * count;
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        int[] at = new int[tags.length];
        for (int i = 0; i < tags.length; i++) {
            at[i] = offset + data.size();
            data.writeBytes(tags[i]);
            while (data.size() % 4 != 0) {
                data.write(0);
            }
        }
        ByteArrayOutputStream table = new ByteArrayOutputStream();
        table.writeBytes(u32(count));
        for (int i = 0; i < tags.length; i++) {
            entry(table, sigs[i], at[i], tags[i].length);
            if (sigs[i].equals("rTRC")) {
                entry(table, "gTRC", at[i], tags[i].length);
                entry(table, "bTRC", at[i], tags[i].length);
            }
        }
        int size = 128 + table.size() + data.size();
        ByteArrayOutputStream out = new ByteArrayOutputStream(size);
        out.writeBytes(u32(size));
        out.writeBytes(new byte[4]);
        out.writeBytes(u32(0x02100000));
        out.writeBytes(ascii("mntr"));
        out.writeBytes(ascii("RGB "));
        out.writeBytes(ascii("XYZ "));
        for (int v : new int[] {2026, 1, 1, 0, 0, 0}) {
            out.write(v >>> 8);
            out.write(v);
        }
        out.writeBytes(ascii("acsp"));
        out.writeBytes(new byte[24]);                        // platform, flags, manufacturer, model, attributes
        out.writeBytes(u32(0));                              // rendering intent: perceptual
        for (double v : D50) {
            out.writeBytes(s15f16(v));
        }
        out.writeBytes(new byte[48]);                        // creator, profile id, reserved
        out.writeBytes(table.toByteArray());
        out.writeBytes(data.toByteArray());
        return out.toByteArray();
    }

    private static void entry(ByteArrayOutputStream table, String sig, int offset, int length) {
        table.writeBytes(ascii(sig));
        table.writeBytes(u32(offset));
        table.writeBytes(u32(length));
    }

    private static double[] column(double[][] m, int c) {
        return new double[] {m[0][c], m[1][c], m[2][c]};
    }

    private static byte[] desc(String s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(ascii("desc"));
        out.writeBytes(new byte[4]);
        byte[] text = (s + "\0").getBytes(StandardCharsets.US_ASCII);
        out.writeBytes(u32(text.length));
        out.writeBytes(text);
        out.writeBytes(new byte[4 + 4 + 2 + 1 + 67]);        // no Unicode, no ScriptCode description
        return out.toByteArray();
    }

    private static byte[] text(String s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(ascii("text"));
        out.writeBytes(new byte[4]);
        out.writeBytes((s + "\0").getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    private static byte[] xyz(double[] v) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(ascii("XYZ "));
        out.writeBytes(new byte[4]);
        for (double d : v) {
            out.writeBytes(s15f16(d));
        }
        return out.toByteArray();
    }

    private static byte[] s15f16(double v) {
        return u32((int) Math.round(v * 65536));
    }

    private static byte[] u32(int v) {
        return new byte[] {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v};
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
