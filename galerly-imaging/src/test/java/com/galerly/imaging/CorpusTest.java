/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.imaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.galerly.core.image.EncodedRendition;
import com.galerly.core.image.ProcessedImage;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A small real-world corpus (the Go project's image test data: JPEG of every chroma subsampling, progressive, RGB,
 * CMYK and grey; GIF; BMP; TIFF; lossy, lossless and alpha WebP), each rendered by Galerly and compared, rendition by
 * rendition, with the renditions of a reference decode of the same file (see {@code corpus/corpus.txt}): mean SSIM on
 * luma and the mean colour difference must stay within the file's tolerance. A decoder that regresses (a colour cast,
 * a darker decode, lost alpha) shows up here.
 */
class CorpusTest {
    record Entry(String file, String reference, double minSsim, double maxMeanColour) {
        @Override
        public String toString() {
            return file;
        }
    }

    static List<Entry> corpus() {
        List<Entry> entries = new ArrayList<>();
        for (String line : new String(resource("corpus.txt"), StandardCharsets.UTF_8).split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\\|");
            entries.add(new Entry(f[0].trim(), f[1].trim(), Double.parseDouble(f[2].trim()),
                    Double.parseDouble(f[3].trim())));
        }
        assertTrue(entries.size() >= 25, entries.toString());
        return entries;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void rendersAsTheReferenceDecodeDoes(Entry e) throws IOException {
        byte[] file = resource(e.file());
        byte[] reference = e.reference().equals("imageio") ? png(jdkDecode(file, e.file())) : resource(e.reference());
        ProcessedImage out = Outputs.process(e.file(), file);
        ProcessedImage expected = Outputs.process(e.reference(), reference);
        assertEquals(expected.info().width() + "x" + expected.info().height(),
                out.info().width() + "x" + out.info().height());
        for (int i = 0; i < out.renditions().size(); i++) {
            EncodedRendition r = out.renditions().get(i);
            BufferedImage a = Outputs.decode(r);
            BufferedImage b = Outputs.decode(expected.renditions().get(i));
            assertEquals(b.getWidth() + "x" + b.getHeight(), a.getWidth() + "x" + a.getHeight(), r.name());
            double ssim = QualityTest.ssim(QualityTest.luma(b), QualityTest.luma(a));
            double colour = WebpLibwebpTest.Delta.of(b, a).meanColour();
            String figures = String.format(Locale.ROOT, "%s %s: SSIM %.4f, mean colour delta %.2f", e.file(), r.name(),
                    ssim, colour);
            if (r.name().equals("large")) {
                System.out.println("corpus " + figures);
            }
            assertTrue(ssim >= e.minSsim(), figures + " (minimum SSIM " + e.minSsim() + ")");
            assertTrue(colour <= e.maxMeanColour(), figures + " (maximum mean colour delta " + e.maxMeanColour() + ")");
        }
    }

    /** The file decoded by the JDK's own reader for its format (com.sun.imageio), not the one Galerly uses. */
    private static BufferedImage jdkDecode(byte[] file, String name) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(file))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            while (readers.hasNext()) {
                ImageReader reader = readers.next();
                if (reader.getClass().getName().startsWith("com.sun.imageio.")) {
                    try {
                        reader.setInput(in);
                        return reader.read(0);
                    } finally {
                        reader.dispose();
                    }
                }
            }
        }
        throw new AssertionError("no JDK reader for " + name);
    }

    private static byte[] png(BufferedImage image) throws IOException {
        assertNotNull(image);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private static byte[] resource(String name) {
        return WebpLibwebpTest.resource("../corpus/" + name);
    }
}
