/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.imaging.testkit;

import static org.junit.jupiter.api.Assertions.assertFalse;

import com.galerly.core.image.ImageFormat;
import com.galerly.imaging.GalerlyImaging;
import com.galerly.imaging.ImageDecoder;
import com.galerly.testkit.image.ImageFiles;
import com.galerly.testkit.image.SyntheticImages;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;

/**
 * Every built-in decoder of galerly-imaging passes the {@link ImageDecoderContract} (it runs here: galerly-imaging
 * cannot depend on this module). The real files are galerly-imaging's corpus (the Go project's image test data).
 */
class BuiltInDecodersTest {
    private static final BufferedImage QUADRANTS = SyntheticImages.quadrants(ImageDecoderContract.SAMPLE_SIZE.width(),
            ImageDecoderContract.SAMPLE_SIZE.height());
    /** The build runs in galerly-imaging-testkit/. */
    private static final Path CORPUS = Path.of("").toAbsolutePath().getParent()
            .resolve("galerly-imaging/src/test/resources/com/galerly/imaging/corpus");

    abstract static class BuiltIn extends ImageDecoderContract {
        private final String name;
        private final ImageFormat format;
        private final Function<BufferedImage, byte[]> writer;
        private final Set<String> extensions;

        BuiltIn(String name, ImageFormat format, Function<BufferedImage, byte[]> writer, String... extensions) {
            this.name = name;
            this.format = format;
            this.writer = writer;
            this.extensions = Set.of(extensions);
        }

        @Override
        protected ImageDecoder decoder() {
            return GalerlyImaging.builtInDecoders().stream().filter(d -> d.name().equals(name)).findFirst()
                    .orElseThrow();
        }

        @Override
        protected ImageFormat format() {
            return format;
        }

        @Override
        protected byte[] sample() {
            return writer.apply(QUADRANTS);
        }

        @Override
        protected Map<String, byte[]> realFiles() {
            Map<String, byte[]> files = new TreeMap<>();
            try (Stream<Path> list = Files.list(CORPUS)) {
                for (Path p : (Iterable<Path>) list::iterator) {
                    String file = p.getFileName().toString();
                    if (extensions.contains(file.substring(file.lastIndexOf('.') + 1))) {
                        files.put(file, Files.readAllBytes(p));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            assertFalse(files.isEmpty(), "the corpus at " + CORPUS + " has " + extensions + " files");
            return files;
        }
    }

    @Nested
    class Jpeg extends BuiltIn {
        Jpeg() {
            super("jpeg", ImageFormat.JPEG, i -> ImageFiles.jpeg(i, 95), "jpeg", "jpg");
        }
    }

    @Nested
    class Png extends BuiltIn {
        Png() {
            super("png", ImageFormat.PNG, ImageFiles::png, "png");
        }
    }

    @Nested
    class Gif extends BuiltIn {
        Gif() {
            super("gif", ImageFormat.GIF, ImageFiles::gif, "gif");
        }
    }

    @Nested
    class Bmp extends BuiltIn {
        Bmp() {
            super("bmp", ImageFormat.BMP, ImageFiles::bmp, "bmp");
        }
    }

    @Nested
    class Tiff extends BuiltIn {
        Tiff() {
            super("tiff", ImageFormat.TIFF, ImageFiles::tiff, "tiff", "tif");
        }
    }

    @Nested
    class Webp extends BuiltIn {
        Webp() {
            super("webp", ImageFormat.WEBP, EncodedSamples::webp, "webp");
        }
    }
}
