/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.imaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.galerly.core.ErrorCode;
import com.galerly.core.GalerlyException;
import com.galerly.core.image.ImageFormat;
import com.galerly.core.image.ImageInfo;
import com.galerly.core.image.ImageSource;
import com.galerly.core.image.ProcessedImage;
import com.galerly.core.image.RenditionProfile;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * WebP is decoded by libwebp: every fixture (lossy, lossless, alpha of every ALPH compression and filter, the first
 * frame of animations, odd sizes; see {@code webp/fixtures.txt} and the script that made them) must decode to exactly
 * what libwebp's own {@code dwebp} wrote, and render the same renditions as that reference.
 */
class WebpLibwebpTest {
    private static final String DIR = "webp/";

    static List<String> fixtures() {
        List<String> names = new ArrayList<>();
        for (String line : new String(resource("fixtures.txt"), StandardCharsets.UTF_8).split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                names.add(line.substring(0, line.indexOf(':')));
            }
        }
        assertTrue(names.size() >= 20, "fixtures listed: " + names);
        return names;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void decodesExactlyAsLibwebpDoes(String name) throws IOException {
        BufferedImage reference = ImageIO.read(new ByteArrayInputStream(resource(name + ".png")));
        BufferedImage decoded = decode(name + ".webp", resource(name + ".webp"));
        assertEquals(reference.getWidth() + "x" + reference.getHeight(), decoded.getWidth() + "x" + decoded.getHeight());
        Delta d = Delta.of(reference, decoded);
        assertEquals(0, d.max, name + ": " + d);
        assertEquals(reference.getColorModel().hasAlpha(), decoded.getColorModel().hasAlpha(), name + " alpha");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void rendersTheSameRenditionsAsLibwebpsDecode(String name) {
        ProcessedImage webp = Outputs.process(name + ".webp", resource(name + ".webp"));
        ProcessedImage png = Outputs.process(name + ".png", resource(name + ".png"));
        assertEquals(ImageFormat.WEBP, webp.info().format());
        for (int i = 0; i < webp.renditions().size(); i++) {
            BufferedImage a = Outputs.decode(webp.renditions().get(i));
            BufferedImage b = Outputs.decode(png.renditions().get(i));
            assertEquals(b.getWidth() + "x" + b.getHeight(), a.getWidth() + "x" + a.getHeight());
            Delta d = Delta.of(b, a);
            assertTrue(d.meanColour <= 0.5, name + " " + webp.renditions().get(i).name() + ": " + d);
            if (a.getWidth() >= 16 && a.getHeight() >= 16) {
                double ssim = QualityTest.ssim(QualityTest.luma(b), QualityTest.luma(a));
                assertTrue(ssim >= 0.995, name + " " + webp.renditions().get(i).name() + " SSIM " + ssim);
            }
        }
    }

    @Test
    void uncompressedAlphaStaysHalfTransparent() throws IOException {
        BufferedImage decoded = decode("a.webp", resource("alpha-alph-raw-none.webp"));
        int centre = decoded.getRGB(29, 18) >>> 24;
        int corner = decoded.getRGB(0, 0) >>> 24;
        int between = decoded.getRGB(12, 8) >>> 24;
        assertEquals(255, centre);
        assertEquals(0, corner);
        assertTrue(between > 0 && between < 255, "half-transparent between centre and corner, was " + between);
    }

    @Test
    void anAnimationShowsItsFirstFrameOnItsCanvas() throws IOException {
        ImageInfo info = Outputs.PROCESSOR.inspect(ImageSource.of("a.webp", resource("animated-offset.webp")));
        assertEquals("97x61", info.width() + "x" + info.height(), "the canvas, not the 40x30 frame");
        assertTrue(info.hasAlpha());
        BufferedImage decoded = decode("a.webp", resource("animated-offset.webp"));
        assertEquals(0, decoded.getRGB(5, 3) >>> 24, "outside the first frame: transparent");
        assertEquals(255, decoded.getRGB(30, 21) >>> 24, "the first frame's opaque centre");
    }

    @Test
    void theCanvasSizeIsCheckedAgainstThePixelLimitBeforeLibwebpSeesTheFile() {
        // a VP8X canvas of 16384x16384 (268 MP) in front of a 1x1 image: refused from the header
        byte[] one = resource("odd-1x1-lossy.webp");
        byte[] big = WebpFixtures.withIcc(one, new byte[0], 16384, 16384);
        GalerlyException e = assertThrows(GalerlyException.class,
                () -> Outputs.process("big.webp", big));
        assertEquals(ErrorCode.LIMIT_EXCEEDED, e.code(), e.getMessage());
        assertTrue(e.getMessage().contains("16384x16384"), e.getMessage());
    }

    @Test
    void aCutFileIsCorruptNotHalfDecoded() {
        byte[] whole = resource("lossy.webp");
        byte[] cut = java.util.Arrays.copyOf(whole, whole.length * 2 / 3);
        GalerlyException e = assertThrows(GalerlyException.class, () -> Outputs.process("cut.webp", cut));
        assertEquals(ErrorCode.CORRUPT_IMAGE, e.code(), e.getMessage());
        assertTrue(e.getMessage().contains("truncated") || e.getMessage().contains("cut short"), e.getMessage());
    }

    @Test
    void aReducedDecodeUsesLibwebpsRescalerAndKeepsQuality() {
        // 256x171 into a 48x32 box leaves 5x headroom: the engine asks for a 1/5 decode, which libwebp rescales
        RenditionProfile tiny = RenditionProfile.builder()
                .add(s -> s.name("tiny").box(48, 32).fit(com.galerly.core.image.Fit.INSIDE).format(ImageFormat.JPEG)
                        .quality(95))
                .build();
        ProcessedImage reference = Outputs.process("p.png", resource("lossy.png"), tiny);
        ProcessedImage webp = Outputs.process("p.webp", resource("lossy.webp"), tiny);
        BufferedImage a = Outputs.decode(webp.renditions().get(0));
        BufferedImage b = Outputs.decode(reference.renditions().get(0));
        assertEquals("48x32", a.getWidth() + "x" + a.getHeight());
        double ssim = QualityTest.ssim(QualityTest.luma(b), QualityTest.luma(a));
        assertTrue(ssim >= 0.97, "SSIM " + ssim);
        assertTrue(Delta.of(b, a).meanColour() <= 3, Delta.of(b, a).toString());
    }

    /** Galerly's decode of a WebP file, through the built-in decoder as the engine uses it. */
    static BufferedImage decode(String name, byte[] bytes) throws IOException {
        ImageDecoder webp = GalerlyImaging.builtInDecoders().stream().filter(d -> d.name().equals("webp")).findFirst()
                .orElseThrow();
        try (ImageDecoder.Reading reading = webp.open(input(name, bytes))) {
            reading.info();
            return reading.decode(1).pixels();
        }
    }

    static ImageInput input(String name, byte[] bytes) {
        return new ImageInput() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public long length() {
                return bytes.length;
            }

            @Override
            public byte[] head() {
                return java.util.Arrays.copyOf(bytes, Math.min(bytes.length, ImageDecoder.SNIFF_LENGTH));
            }

            @Override
            public InputStream openStream() {
                return new ByteArrayInputStream(bytes);
            }

            @Override
            public Optional<Path> path() {
                return Optional.empty();
            }
        };
    }

    static byte[] resource(String name) {
        try (InputStream in = WebpLibwebpTest.class.getResourceAsStream(DIR + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + DIR + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How two images of one size differ: the largest channel difference (alpha included) and the mean RGB one. */
    record Delta(int max, double meanColour, long pixelsDiffering) {
        static Delta of(BufferedImage expected, BufferedImage actual) {
            int max = 0;
            long sum = 0;
            long differing = 0;
            for (int y = 0; y < expected.getHeight(); y++) {
                for (int x = 0; x < expected.getWidth(); x++) {
                    int e = expected.getRGB(x, y);
                    int a = actual.getRGB(x, y);
                    boolean transparent = (e >>> 24) == 0 && (a >>> 24) == 0;
                    int d = 0;
                    for (int shift = transparent ? 24 : 0; shift <= 24; shift += 8) {
                        int c = Math.abs((e >>> shift & 0xFF) - (a >>> shift & 0xFF));
                        d = Math.max(d, c);
                        if (shift < 24) {
                            sum += c;
                        }
                    }
                    max = Math.max(max, d);
                    differing += d > 0 ? 1 : 0;
                }
            }
            return new Delta(max, sum / (3.0 * expected.getWidth() * expected.getHeight()), differing);
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "max channel delta %d, mean colour delta %.3f, %d pixels differ", max,
                    meanColour, pixelsDiffering);
        }
    }
}
