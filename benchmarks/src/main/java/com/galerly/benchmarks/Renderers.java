/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.benchmarks;

import com.galerly.core.image.EncodedRendition;
import com.galerly.core.image.Fit;
import com.galerly.core.image.ImageProcessor;
import com.galerly.core.image.ImageSource;
import com.galerly.core.image.RenditionProfile;
import com.galerly.core.image.RenditionSpec;
import com.galerly.core.image.ResizePlan;
import com.galerly.core.image.Size;
import com.galerly.imaging.GalerlyImaging;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.spi.IIORegistry;
import javax.imageio.spi.ImageReaderSpi;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import net.coobird.thumbnailator.Thumbnails;
import net.coobird.thumbnailator.geometry.Positions;
import org.imgscalr.Scalr;

/**
 * The implementations the imaging benchmarks compare, each rendering a {@link RenditionProfile} from a file the
 * way its users write it. Every one computes the same geometry (core's {@link ResizePlan}: COVER crops the
 * centre, nothing is upscaled) and writes JPEGs at the spec's quality, so outputs match in size.
 *
 * <ul>
 *   <li>{@code galerly}: {@link ImageProcessor#process}, one thread; {@code galerly-2t}: the same with
 *       {@code threads(2)} (parallel resize strips and encodes for one photo);</li>
 *   <li>{@code thumbnailator-file}: {@code Thumbnails.of(file)} once per size, as its documentation shows;</li>
 *   <li>{@code thumbnailator-decoded}: the file decoded once with ImageIO, {@code Thumbnails.of(image)} per size;</li>
 *   <li>{@code imgscalr}: decoded once, {@code Scalr.resize(ULTRA_QUALITY)} per size;</li>
 *   <li>{@code java2d-bicubic}: decoded once, {@code Graphics2D.drawImage} with bicubic interpolation per size.</li>
 * </ul>
 * The peers decode with the JDK's own JPEG reader (the fastest ImageIO reader here: TwelveMonkeys, which
 * galerly-imaging brings as its fallback, is removed from the registry in their forks) and encode with the JDK's
 * writer, as their users get by default.
 *
 * <pre>{@code
 * Renderer r = Renderers.of("thumbnailator-file");
 * long bytes = r.render(Path.of("photo.jpg"), RenditionProfile.standard());
 * }</pre>
 */
public final class Renderers {
    /** Every implementation name, Galerly first. */
    public static final List<String> NAMES = List.of("galerly", "galerly-2t", "thumbnailator-file",
            "thumbnailator-decoded", "imgscalr", "java2d-bicubic");

    private Renderers() {
    }

    /** Renders a profile from a file; returns the total bytes written (so nothing is optimised away). */
    @FunctionalInterface
    public interface Renderer {
        long render(Path file, RenditionProfile profile) throws IOException;
    }

    /** The renderer called {@code name} (one of {@link #NAMES}). */
    public static Renderer of(String name) {
        return switch (name) {
            case "galerly" -> galerly(1);
            case "galerly-2t" -> galerly(2);
            case "thumbnailator-file" -> peer(Renderers::thumbnailatorFile);
            case "thumbnailator-decoded" -> peer(decodedOnce(Renderers::thumbnailator));
            case "imgscalr" -> peer(decodedOnce(Renderers::imgscalr));
            case "java2d-bicubic" -> peer(decodedOnce(Renderers::bicubic));
            default -> throw new IllegalArgumentException("implementation must be one of " + NAMES + ", was " + name);
        };
    }

    private static Renderer galerly(int threads) {
        ImageProcessor processor = GalerlyImaging.builder().settings(s -> s.threads(threads)).build();
        return (file, profile) -> {
            long total = 0;
            for (EncodedRendition r : processor.process(ImageSource.of(file), profile).renditions()) {
                total += r.length();
            }
            return total;
        };
    }

    private static Renderer peer(Renderer renderer) {
        jdkReadersOnly();
        return renderer;
    }

    /** Removes TwelveMonkeys' readers from this JVM's ImageIO registry, so ImageIO.read uses the JDK's. */
    static void jdkReadersOnly() {
        IIORegistry registry = IIORegistry.getDefaultInstance();
        Iterator<ImageReaderSpi> readers = registry.getServiceProviders(ImageReaderSpi.class, false);
        List<ImageReaderSpi> foreign = new ArrayList<>();
        while (readers.hasNext()) {
            ImageReaderSpi spi = readers.next();
            if (spi.getClass().getName().startsWith("com.twelvemonkeys.")) {
                foreign.add(spi);
            }
        }
        foreign.forEach(spi -> registry.deregisterServiceProvider(spi, ImageReaderSpi.class));
    }

    /** One spec rendered from an already decoded image. */
    private interface FromImage {
        byte[] render(BufferedImage image, ResizePlan plan, RenditionSpec spec) throws IOException;
    }

    private static Renderer decodedOnce(FromImage each) {
        return (file, profile) -> {
            BufferedImage image = read(file);
            Size size = new Size(image.getWidth(), image.getHeight());
            long total = 0;
            for (RenditionSpec spec : profile.specs()) {
                total += each.render(image, spec.plan(size), spec).length;
            }
            return total;
        };
    }

    private static long thumbnailatorFile(Path file, RenditionProfile profile) throws IOException {
        long total = 0;
        for (RenditionSpec spec : profile.specs()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Thumbnails.Builder<java.io.File> b = Thumbnails.of(file.toFile()).size(spec.width(), spec.height());
            if (spec.fit() == Fit.COVER) {
                b.crop(Positions.CENTER);
            }
            b.outputFormat("jpg").outputQuality(spec.quality() / 100f).toOutputStream(out);
            total += out.size();
        }
        return total;
    }

    private static byte[] thumbnailator(BufferedImage image, ResizePlan plan, RenditionSpec spec) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Thumbnails.Builder<BufferedImage> b = Thumbnails.of(image).size(spec.width(), spec.height());
        if (spec.fit() == Fit.COVER) {
            b.crop(Positions.CENTER);
        }
        b.outputFormat("jpg").outputQuality(spec.quality() / 100f).toOutputStream(out);
        return out.toByteArray();
    }

    private static byte[] imgscalr(BufferedImage image, ResizePlan plan, RenditionSpec spec) throws IOException {
        BufferedImage src = plan.crop().size().equals(plan.source()) ? image
                : Scalr.crop(image, plan.crop().x(), plan.crop().y(), plan.crop().width(), plan.crop().height());
        BufferedImage out = Scalr.resize(src, Scalr.Method.ULTRA_QUALITY, Scalr.Mode.FIT_EXACT,
                plan.output().width(), plan.output().height());
        return jpeg(out, spec.quality());
    }

    private static byte[] bicubic(BufferedImage image, ResizePlan plan, RenditionSpec spec) throws IOException {
        int w = plan.output().width();
        int h = plan.output().height();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            var c = plan.crop();
            g.drawImage(image, 0, 0, w, h, c.x(), c.y(), c.x() + c.width(), c.y() + c.height(), null);
        } finally {
            g.dispose();
        }
        return jpeg(out, spec.quality());
    }

    static BufferedImage read(Path file) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new IOException("no ImageIO reader for " + file);
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                return reader.read(0);
            } finally {
                reader.dispose();
            }
        }
    }

    /** The JDK's JPEG writer at {@code quality}, default settings (as ImageIO.write, with a quality). */
    static byte[] jpeg(BufferedImage image, int quality) {
        ImageWriter writer = PhotoFixtures.jdkJpegWriter();
        try {
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality / 100f);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
                writer.setOutput(out);
                writer.write(null, new IIOImage(image, null, null), param);
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
    }
}
