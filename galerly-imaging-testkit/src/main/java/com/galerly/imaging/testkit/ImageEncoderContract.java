/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.imaging.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.galerly.core.image.EncodedRendition;
import com.galerly.core.image.ImageFormat;
import com.galerly.core.image.ImageProcessor;
import com.galerly.core.image.ImageSource;
import com.galerly.core.image.ProcessedImage;
import com.galerly.core.image.RenditionProfile;
import com.galerly.core.image.RenditionSpec;
import com.galerly.imaging.EncodeRequest;
import com.galerly.imaging.GalerlyImaging;
import com.galerly.imaging.ImageEncoder;
import com.galerly.testkit.image.ImageFiles;
import com.galerly.testkit.image.RenditionAssertions;
import com.galerly.testkit.image.SyntheticImages;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ImageEncoder} must do, whoever wrote it: write decodable pixels of the right size and colour,
 * no metadata of its own, smaller files at lower quality (lossy formats), alpha when it says it keeps alpha, and
 * be found by the engine (built in or listed in {@code META-INF/services}) and render what the engine hands it.
 * What does not apply to an encoder (alpha, quality) is reported as skipped with the reason, never as a pass.
 *
 * <p>A plugin's test extends it (test scope). {@link #decode} reads the output back with ImageIO; override it
 * for a format ImageIO cannot read. When the encoder reports itself unavailable every test is skipped, saying why.
 *
 * <pre>{@code
 * class AvifEncoderContractTest extends ImageEncoderContract {
 *     protected ImageEncoder encoder() { return new AvifEncoder(); }
 *     protected BufferedImage decode(byte[] avif) { return Avif.decode(avif); }
 * }
 * }</pre>
 */
public abstract class ImageEncoderContract {
    /** The encoder under test. */
    protected abstract ImageEncoder encoder();

    /** Whether {@link EncodeRequest#quality()} changes the output (false for a lossless-only format). */
    protected boolean lossy() {
        return true;
    }

    /** Decodes what the encoder wrote (ImageIO by default). */
    protected BufferedImage decode(byte[] bytes) {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
            assertNotNull(image, encoder().name() + "'s output decodes with ImageIO (override decode() otherwise)");
            return image;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private RenditionSpec spec(int width, int height, int quality) {
        return RenditionSpec.of(s -> s.name("r").box(width, height).format(encoder().format()).quality(quality));
    }

    private byte[] encode(BufferedImage pixels, int quality) throws IOException {
        return encoder().encode(new EncodeRequest(pixels, spec(pixels.getWidth(), pixels.getHeight(), quality), false,
                Map.of()));
    }

    @BeforeEach
    void encoderIsAvailableHere() {
        Optional<String> unavailable = encoder().unavailableReason();
        assumeTrue(unavailable.isEmpty(), () -> encoder().name() + " cannot run here, its contract is not tested: "
                + unavailable.orElse(""));
    }

    @Test
    void writesDecodablePixelsOfTheRightSize() throws IOException {
        BufferedImage image = decode(encode(SyntheticImages.quadrants(64, 48), 90));
        RenditionAssertions.assertSize(64, 48, image);
        RenditionAssertions.assertQuadrants(image, 16, encoder().name());
    }

    @Test
    void qualityChangesTheSize() throws IOException {
        assumeTrue(lossy(), () -> encoder().name() + " is lossless: quality does not apply");
        BufferedImage photo = new BufferedImage(128, 96, BufferedImage.TYPE_INT_RGB);
        photo.createGraphics().drawImage(SyntheticImages.photo(128, 96, 4), 0, 0, null);
        int low = encode(photo, 20).length;
        int high = encode(photo, 95).length;
        assertTrue(high > low, "q95 " + high + " > q20 " + low);
    }

    @Test
    void writesNoMetadataOfItsOwn() throws IOException {
        String text = new String(encode(SyntheticImages.quadrants(64, 48), 90), StandardCharsets.ISO_8859_1);
        assertFalse(text.contains("Exif") || text.contains("EXIF") || text.contains("xmpmeta"), "no metadata");
    }

    @Test
    void keepsAlphaWhenItSaysSo() throws IOException {
        assumeTrue(encoder().keepsAlpha(), () -> encoder().format() + " encoder does not keep alpha: nothing to check");
        BufferedImage back = decode(encode(SyntheticImages.discOnTransparentBlack(64, 48), 90));
        assertEquals(0, back.getRGB(1, 1) >>> 24, "transparent corner");
        assertEquals(0xFF, back.getRGB(32, 24) >>> 24, "opaque centre");
    }

    /** Built in, or listed in {@code META-INF/services/com.galerly.imaging.ImageEncoder}. */
    @Test
    void isRegistered() {
        Class<?> type = encoder().getClass();
        boolean builtIn = GalerlyImaging.builtInEncoders().stream().anyMatch(e -> e.getClass() == type);
        boolean listed = ServiceLoader.load(ImageEncoder.class).stream().anyMatch(p -> p.type() == type);
        assertTrue(builtIn || listed, type.getName() + " is neither built in nor listed in "
                + "META-INF/services/" + ImageEncoder.class.getName());
    }

    /** The engine hands it what it decoded (any photo, alpha flattened when the format has none) and it writes it. */
    @Test
    void theEngineRendersThroughIt() {
        AtomicInteger calls = new AtomicInteger();
        ImageEncoder counted = new ImageEncoder() {
            @Override
            public String name() {
                return encoder().name();
            }

            @Override
            public ImageFormat format() {
                return encoder().format();
            }

            @Override
            public int priority() {
                return Integer.MAX_VALUE;
            }

            @Override
            public boolean keepsAlpha() {
                return encoder().keepsAlpha();
            }

            @Override
            public byte[] encode(EncodeRequest request) throws IOException {
                calls.incrementAndGet();
                return encoder().encode(request);
            }
        };
        ImageProcessor processor = GalerlyImaging.builder().discoverPlugins(false).encoder(counted).build();
        RenditionProfile profile = RenditionProfile.builder().name("contract")
                .add(s -> s.name("half").box(64, 64).format(encoder().format()).quality(85)).build();
        BufferedImage[] sources = {SyntheticImages.quadrants(128, 96), SyntheticImages.discOnTransparentBlack(128, 96)};
        for (int i = 0; i < sources.length; i++) {
            ProcessedImage out = processor.process(ImageSource.of("source.png", ImageFiles.png(sources[i])), profile);
            EncodedRendition r = out.renditions().get(0);
            assertEquals(encoder().format(), r.format());
            BufferedImage back = decode(r.bytes());
            RenditionAssertions.assertSize(r.width(), r.height(), back);
            RenditionAssertions.assertSize(64, 48, back);
            if (i == 0) {
                RenditionAssertions.assertQuadrants(back, 24, encoder().name() + " through the engine");
            }
        }
        assertEquals(2, calls.get(), "the engine called the encoder once per rendition");
    }
}
