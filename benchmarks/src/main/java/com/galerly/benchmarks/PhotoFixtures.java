/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.benchmarks;

import com.galerly.testkit.image.ExifData;
import com.galerly.testkit.image.IccProfileData;
import com.galerly.testkit.image.JpegMarkers;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import org.w3c.dom.NodeList;

/**
 * Deterministic photo-like JPEGs for the benchmarks, written once into a cache folder so that every JVM fork
 * and sharp read the very same bytes. The scene is built to cost what a camera photo costs a codec and a
 * resampler, not what a flat gradient costs: sky and ground colour fields, fractal texture (foliage, gravel)
 * of varying strength, fine periodic patterns that alias when a resize skips its low-pass filter, hard-edged
 * shapes and thin lines, and sensor noise on every channel. Encoded by the JDK's writer as a baseline 4:2:0
 * JFIF JPEG (standard Huffman tables), as most cameras write them.
 *
 * <pre>{@code
 * Path photo = PhotoFixtures.jpeg(Path.of("benchmarks/target/fixtures"), 6000, 4000, 90);
 * }</pre>
 *
 * <p>The real-world variants of the 24 MP photo ({@link #VARIANTS}) are the same scene as uploads arrive: a
 * progressive JPEG (the JDK writer's standard scan script), ICC-tagged ones (Adobe RGB (1998), Display P3 and the
 * JDK's sRGB profile in APP2, on the baseline file's bytes), 4:4:4 chroma, EXIF orientation 6 (a portrait stored
 * landscape, as cameras write it) and a PNG. {@code source} names them {@code generated:6000x4000-progressive}.
 *
 * <p>Run {@code java -cp benchmarks.jar com.galerly.benchmarks.PhotoFixtures DIR} to write the standard set
 * (24 MP, 100 MP and the 2725x2225 photo of sharp's published benchmark, and the 24 MP variants) and print their
 * paths.
 */
public final class PhotoFixtures {
    /** The folder fixtures are cached in unless {@code galerly.fixtures} names another. */
    public static final String DEFAULT_DIR = "target/fixtures";
    /** The real-world variants of a generated photo, as {@code generated:WxH-variant}. */
    public static final List<String> VARIANTS = List.of("progressive", "adobe-rgb", "display-p3", "srgb-icc", "444",
            "orientation-6", "png");

    private PhotoFixtures() {
    }

    public static void main(String[] args) {
        Path dir = Path.of(args.length > 0 ? args[0] : DEFAULT_DIR);
        for (String spec : new String[] {"6000x4000", "2725x2225", "12000x8334"}) {
            System.out.println(resolve("generated:" + spec, dir));
        }
        for (String variant : VARIANTS) {
            System.out.println(resolve("generated:6000x4000-" + variant, dir));
        }
    }

    /**
     * A benchmark {@code source} parameter as a file: {@code generated:WxH} (quality 90) is generated into
     * {@code dir} on first use; anything else is a path to an existing image.
     */
    public static Path resolve(String source, Path dir) {
        if (source.startsWith("generated:")) {
            String spec = source.substring("generated:".length());
            int dash = spec.indexOf('-');
            String[] wh = (dash < 0 ? spec : spec.substring(0, dash)).split("x");
            int width = Integer.parseInt(wh[0]);
            int height = Integer.parseInt(wh[1]);
            return dash < 0 ? jpeg(dir, width, height, 90) : variant(dir, width, height, spec.substring(dash + 1));
        }
        Path path = Path.of(source);
        if (!Files.isRegularFile(path)) {
            throw new IllegalArgumentException("source must be generated:WIDTHxHEIGHT or an image file, was " + source);
        }
        return path;
    }

    /** The folder named by the {@code galerly.fixtures} system property, or {@link #DEFAULT_DIR}. */
    public static Path dir() {
        return Path.of(System.getProperty("galerly.fixtures", DEFAULT_DIR));
    }

    /** The generated photo of {@code width x height} at JPEG {@code quality}, written into {@code dir} once. */
    public static synchronized Path jpeg(Path dir, int width, int height, int quality) {
        Path file = dir.resolve(String.format(Locale.ROOT, "photo-%dx%d-q%d.jpg", width, height, quality));
        if (Files.isRegularFile(file)) {
            return file;
        }
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, "photo", ".tmp");
            try (ImageOutputStream out = ImageIO.createImageOutputStream(tmp.toFile())) {
                ImageWriter writer = jdkJpegWriter();
                try {
                    ImageWriteParam param = writer.getDefaultWriteParam();
                    param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                    param.setCompressionQuality(quality / 100f);
                    writer.setOutput(out);
                    writer.write(null, new IIOImage(scene(width, height, 2026), null, null), param);
                } finally {
                    writer.dispose();
                }
            }
            tmp.toFile().setReadable(true, false);
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the fixture " + file, e);
        }
    }

    /**
     * The {@code variant} (one of {@link #VARIANTS}) of the generated photo of {@code width x height}, quality 90
     * for the JPEGs, written into {@code dir} once.
     */
    public static synchronized Path variant(Path dir, int width, int height, String variant) {
        if (!VARIANTS.contains(variant)) {
            throw new IllegalArgumentException("variant must be one of " + VARIANTS + ", was " + variant);
        }
        Path file = dir.resolve(String.format(Locale.ROOT, "photo-%dx%d-%s.%s", width, height, variant,
                variant.equals("png") ? "png" : "jpg"));
        if (Files.isRegularFile(file)) {
            return file;
        }
        try {
            byte[] bytes = switch (variant) {
                case "adobe-rgb" -> tagged(dir, width, height, JpegMarkers.icc(IccProfileData.adobeRgb()));
                case "display-p3" -> tagged(dir, width, height, JpegMarkers.icc(IccProfileData.displayP3()));
                case "srgb-icc" -> tagged(dir, width, height,
                        JpegMarkers.icc(ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData()));
                case "orientation-6" -> tagged(dir, width, height,
                        JpegMarkers.exif(ExifData.builder().orientation(6).build()));
                case "png" -> png(scene(width, height, 2026));
                default -> encode(scene(width, height, 2026), 90, variant.equals("progressive"), variant.equals("444"));
            };
            write(dir, file, bytes);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the fixture " + file, e);
        }
    }

    /** The baseline photo's bytes with {@code segments} inserted after its JFIF header. */
    private static byte[] tagged(Path dir, int width, int height, byte[] segments) throws IOException {
        return JpegMarkers.insert(Files.readAllBytes(jpeg(dir, width, height, 90)), segments);
    }

    private static void write(Path dir, Path file, byte[] bytes) throws IOException {
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "photo", ".tmp");
        Files.write(tmp, bytes);
        tmp.toFile().setReadable(true, false);
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private static byte[] png(BufferedImage image) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(image.getWidth() * image.getHeight() * 2);
        if (!ImageIO.write(image, "png", out)) {
            throw new IOException("no PNG writer");
        }
        return out.toByteArray();
    }

    /** The JDK writer's JPEG: baseline 4:2:0 unless {@code progressive} (its standard scans) or {@code full} (4:4:4). */
    private static byte[] encode(BufferedImage image, int quality, boolean progressive, boolean full)
            throws IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream(image.getWidth() * image.getHeight());
        ImageWriter writer = jdkJpegWriter();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality / 100f);
            if (progressive) {
                param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
            }
            IIOMetadata metadata = writer.getDefaultImageMetadata(new ImageTypeSpecifier(image), param);
            if (full) {
                String format = "javax_imageio_jpeg_image_1.0";
                IIOMetadataNode tree = (IIOMetadataNode) metadata.getAsTree(format);
                NodeList components = tree.getElementsByTagName("componentSpec");
                for (int i = 0; i < components.getLength(); i++) {
                    IIOMetadataNode c = (IIOMetadataNode) components.item(i);
                    c.setAttribute("HsamplingFactor", "1");
                    c.setAttribute("VsamplingFactor", "1");
                }
                metadata.setFromTree(format, tree);
            }
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, metadata), param);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    static ImageWriter jdkJpegWriter() {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("jpeg");
        ImageWriter first = null;
        while (writers.hasNext()) {
            ImageWriter w = writers.next();
            if (w.getClass().getName().startsWith("com.sun.")) {
                return w;
            }
            first = first == null ? w : first;
        }
        if (first == null) {
            throw new IllegalStateException("no JPEG writer");
        }
        return first;
    }

    /** The scene, as 8-bit BGR. */
    static BufferedImage scene(int width, int height, long seed) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        byte[] bgr = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        SplittableRandom random = new SplittableRandom(seed);
        double unit = Math.min(width, height) / 4000.0;      // features scale with the photo
        Noise coarse = new Noise(random, 64 * unit);
        Noise medium = new Noise(random, 9 * unit);
        Noise fine = new Noise(random, 2.2 * unit);
        Noise mask = new Noise(random, 500 * unit);
        Noise cloudy = new Noise(random, 230 * unit);
        Shape[] shapes = new Shape[60];
        for (int i = 0; i < shapes.length; i++) {
            shapes[i] = new Shape(random, width, height, unit);
        }
        double horizon = height * 0.42;
        int[] row = new int[width * 3];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double r;
                double g;
                double b;
                double t;
                if (y < horizon) {                                    // sky: gradient and soft clouds
                    double s = y / horizon;
                    double cloud = Math.max(0, cloudy.at(x, y * 1.6) * 0.75 + coarse.at(x, y) * 0.25 - 0.5) * 2.4;
                    r = 80 + 100 * s + 160 * cloud;
                    g = 130 + 80 * s + 120 * cloud;
                    b = 215 - 10 * s + 40 * cloud;
                    t = 0.15;
                } else {                                              // ground: textured, varying by region
                    double s = (y - horizon) / (height - horizon);
                    double m = mask.at(x, y);
                    r = 70 + 60 * m + 40 * s;
                    g = 95 + 50 * (1 - m) + 20 * s;
                    b = 40 + 30 * m;
                    t = 0.35 + 0.65 * m;
                }
                double tex = (coarse.at(x, y) - 0.5) * 70 + (medium.at(x, y) - 0.5) * 90 * t
                        + (fine.at(x, y) - 0.5) * 110 * t;
                int p = x * 3;
                row[p] = (int) (b + tex * 0.7);
                row[p + 1] = (int) (g + tex);
                row[p + 2] = (int) (r + tex * 0.9);
            }
            for (Shape s : shapes) {
                s.paint(row, y, width);
            }
            int o = y * width * 3;
            for (int i = 0; i < row.length; i++) {
                int noise = (int) Math.round(gauss(random) * 3.5);
                int v = row[i] + noise;
                bgr[o + i] = (byte) (v < 0 ? 0 : v > 255 ? 255 : v);
            }
        }
        return image;
    }

    private static double gauss(SplittableRandom random) {
        // sum of uniforms: cheap, deterministic, close enough to Gaussian for sensor noise
        return random.nextDouble() + random.nextDouble() + random.nextDouble() + random.nextDouble() - 2.0;
    }

    /** Smooth value noise in [0, 1] on a lattice of {@code cell} pixels. */
    private static final class Noise {
        private static final int SIZE = 256;
        private final double[] lattice = new double[SIZE * SIZE];
        private final double cell;

        Noise(SplittableRandom random, double cell) {
            for (int i = 0; i < lattice.length; i++) {
                lattice[i] = random.nextDouble();
            }
            this.cell = Math.max(1.0, cell);
        }

        double at(double x, double y) {
            double fx = x / cell;
            double fy = y / cell;
            int ix = (int) fx;
            int iy = (int) fy;
            double tx = fx - ix;
            double ty = fy - iy;
            tx = tx * tx * (3 - 2 * tx);
            ty = ty * ty * (3 - 2 * ty);
            int x0 = ix & (SIZE - 1);
            int x1 = (ix + 1) & (SIZE - 1);
            int y0 = (iy & (SIZE - 1)) * SIZE;
            int y1 = ((iy + 1) & (SIZE - 1)) * SIZE;
            double a = lattice[y0 + x0] + (lattice[y0 + x1] - lattice[y0 + x0]) * tx;
            double b = lattice[y1 + x0] + (lattice[y1 + x1] - lattice[y1 + x0]) * tx;
            return a + (b - a) * ty;
        }
    }

    /** A hard-edged rectangle, a disc, a thin line or a patch of fine stripes. */
    private static final class Shape {
        private final int kind;
        private final double x0;
        private final double y0;
        private final double x1;
        private final double y1;
        private final int r;
        private final int g;
        private final int b;
        private final double period;

        Shape(SplittableRandom random, int width, int height, double unit) {
            kind = random.nextInt(4);
            x0 = random.nextDouble() * width;
            y0 = random.nextDouble() * height;
            double size = (80 + random.nextDouble() * 600) * unit;
            x1 = kind == 2 ? random.nextDouble() * width : x0 + size;
            y1 = kind == 2 ? random.nextDouble() * height : y0 + size * (0.3 + random.nextDouble());
            r = random.nextInt(256);
            g = random.nextInt(256);
            b = random.nextInt(256);
            period = (2.5 + random.nextDouble() * 4) * Math.max(1, unit);
        }

        void paint(int[] row, int y, int width) {
            switch (kind) {
                case 0 -> {                                          // rectangle
                    if (y >= y0 && y < y1) {
                        fill(row, (int) x0, (int) Math.min(width, x1), 1.0);
                    }
                }
                case 1 -> {                                          // disc
                    double rx = (x1 - x0) / 2;
                    double cy = (y0 + y1) / 2;
                    double ry = (y1 - y0) / 2;
                    double dy = (y - cy) / ry;
                    if (Math.abs(dy) < 1) {
                        double half = rx * Math.sqrt(1 - dy * dy);
                        double cx = x0 + rx;
                        fill(row, (int) Math.max(0, cx - half), (int) Math.min(width, cx + half), 1.0);
                    }
                }
                case 2 -> {                                          // thin line, 1-3 px
                    if (y >= Math.min(y0, y1) && y <= Math.max(y0, y1) && Math.abs(y1 - y0) > 1) {
                        double x = x0 + (x1 - x0) * (y - y0) / (y1 - y0);
                        int w = 1 + (r & 1) + (g & 1);
                        fill(row, (int) Math.max(0, x), (int) Math.min(width, x + w), 1.0);
                    }
                }
                default -> {                                         // fabric: fine diagonal stripes
                    if (y >= y0 && y < y1) {
                        int from = (int) x0;
                        int to = (int) Math.min(width, x1);
                        for (int x = from; x < to; x++) {
                            double phase = ((x + y) % period) / period;
                            if (phase < 0.5) {
                                blend(row, x, 0.8);
                            }
                        }
                    }
                }
            }
        }

        private void fill(int[] row, int from, int to, double alpha) {
            for (int x = Math.max(0, from); x < to; x++) {
                blend(row, x, alpha);
            }
        }

        private void blend(int[] row, int x, double alpha) {
            int p = x * 3;
            // keep a little of the texture underneath so shapes are not flat
            row[p] = (int) (b * alpha + row[p] * (1 - alpha) * 0.5 + (row[p] - 128) * 0.25);
            row[p + 1] = (int) (g * alpha + row[p + 1] * (1 - alpha) * 0.5 + (row[p + 1] - 128) * 0.25);
            row[p + 2] = (int) (r * alpha + row[p + 2] * (1 - alpha) * 0.5 + (row[p + 2] - 128) * 0.25);
        }
    }
}
