/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.imaging.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.galerly.core.ErrorCode;
import com.galerly.core.GalerlyException;
import com.galerly.core.image.ImageFormat;
import com.galerly.core.image.ImageInfo;
import com.galerly.core.image.ImageProcessor;
import com.galerly.core.image.ImageSource;
import com.galerly.core.image.ProcessedImage;
import com.galerly.core.image.RenditionProfile;
import com.galerly.core.image.Size;
import com.galerly.imaging.DecodedImage;
import com.galerly.imaging.GalerlyImaging;
import com.galerly.imaging.ImageDecoder;
import com.galerly.imaging.ImageInput;
import com.galerly.imaging.Sniff;
import com.galerly.testkit.image.ImageFiles;
import com.galerly.testkit.image.MalformedImages;
import com.galerly.testkit.image.RenditionAssertions;
import com.galerly.testkit.image.SyntheticImages;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ImageDecoder} must do, whoever wrote it (TwelveMonkeys' shared ImageReaderAbstractTest is the
 * model): sniff its format from the first bytes alone and decline others with a reason, read the header without
 * the pixels, decode the stored pixels at full and at reduced scale, be found by the engine (built in or listed in
 * {@code META-INF/services}), read real files of its format, and fail on truncated or garbled input with an
 * {@code IOException} or a {@link GalerlyException}, never an unchecked exception of its own; through the engine
 * such input is a typed error with a stable {@link ErrorCode}.
 *
 * <p>A plugin's test extends it (test scope) and supplies the decoder and a sample of its format showing
 * {@link SyntheticImages#quadrants} at {@link #sampleSize()}. When the decoder reports itself unavailable (a native
 * library missing) every test is skipped with that reason.
 *
 * <pre>{@code
 * class HeifDecoderContractTest extends ImageDecoderContract {
 *     protected ImageDecoder decoder() { return new HeifDecoder(); }
 *     protected ImageFormat format() { return ImageFormat.HEIF; }
 *     protected byte[] sample() { return heifEnc(ImageFiles.png(SyntheticImages.quadrants(64, 48))); }
 *     protected Map<String, byte[]> realFiles() { return Map.of("photo.heic", heifEnc(photoPng)); }
 * }
 * }</pre>
 */
public abstract class ImageDecoderContract {
    /** The default sample size: 64x48. */
    public static final Size SAMPLE_SIZE = new Size(64, 48);

    private static final Set<ErrorCode> TYPED = Set.of(ErrorCode.CORRUPT_IMAGE, ErrorCode.LIMIT_EXCEEDED,
            ErrorCode.UNSUPPORTED_FORMAT);

    /** The decoder under test. */
    protected abstract ImageDecoder decoder();

    /** The format it reports for {@link #sample()}. */
    protected abstract ImageFormat format();

    /** A file of that format showing {@code SyntheticImages.quadrants} at {@link #sampleSize()}, orientation 1. */
    protected abstract byte[] sample();

    /** The stored size of {@link #sample()}; 64x48 unless overridden. */
    protected Size sampleSize() {
        return SAMPLE_SIZE;
    }

    /** How far (levels per channel) a decoded quadrant colour may be from the drawn one (lossy formats). */
    protected int tolerance() {
        return 16;
    }

    /**
     * Files of the format written by real encoders or cameras (not by the test), by name. The suite checks each
     * sniffs, reads and renders; it is skipped, saying so, when there are none.
     */
    protected Map<String, byte[]> realFiles() {
        return Map.of();
    }

    /** Files of other formats the decoder must decline. */
    protected List<byte[]> others() {
        BufferedImage q = SyntheticImages.quadrants(SAMPLE_SIZE.width(), SAMPLE_SIZE.height());
        return List.of(ImageFiles.jpeg(q, 90), ImageFiles.png(q), ImageFiles.gif(q), ImageFiles.bmp(q),
                ImageFiles.tiff(q), EncodedSamples.webp(q), MalformedImages.text(), MalformedImages.empty());
    }

    /** An {@link ImageInput} over bytes that can be opened once, as the engine hands it to a decoder. */
    public static ImageInput input(String name, byte[] bytes) {
        return new ImageInput() {
            private boolean opened;

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
                return Arrays.copyOf(bytes, Math.min(bytes.length, ImageDecoder.SNIFF_LENGTH));
            }

            @Override
            public InputStream openStream() throws IOException {
                if (opened) {
                    throw new IOException("opened twice: the engine gives a decoder one stream per reading");
                }
                opened = true;
                return new ByteArrayInputStream(bytes);
            }

            @Override
            public Optional<Path> path() {
                return Optional.empty();
            }
        };
    }

    @BeforeEach
    void decoderIsAvailableHere() {
        Optional<String> unavailable = decoder().unavailableReason();
        assumeTrue(unavailable.isEmpty(), () -> decoder().name() + " cannot run here, its contract is not tested: "
                + unavailable.orElse(""));
    }

    @Test
    void sniffAcceptsItsFormatFromTheFirstBytesAlone() {
        Sniff sniff = decoder().sniff(input("sample", sample()).head());
        assertTrue(sniff.accepted(), decoder().name() + " accepts its own sample: " + sniff.reason());
        assertEquals(format(), sniff.format());
    }

    @Test
    void sniffDeclinesOtherContentWithAReason() {
        for (byte[] other : others()) {
            Sniff sniff = decoder().sniff(input("other", other).head());
            if (sniff.accepted()) {
                assertEquals(format(), sniff.format(), "only its own format");
                continue;
            }
            assertFalse(sniff.reason().isBlank(), "a decline says why");
        }
    }

    @Test
    void infoReadsTheHeader() throws IOException {
        try (ImageDecoder.Reading reading = decoder().open(input("sample", sample()))) {
            ImageInfo info = reading.info();
            assertEquals(format(), info.format());
            assertEquals(sampleSize(), new Size(info.width(), info.height()));
            assertEquals(1, info.orientation());
        }
    }

    @Test
    void decodeGivesTheStoredPixels() throws IOException {
        try (ImageDecoder.Reading reading = decoder().open(input("sample", sample()))) {
            reading.info();
            DecodedImage decoded = reading.decode(1);
            assertNotNull(decoded.pixels());
            assertEquals(sampleSize(), decoded.storedSize());
            RenditionAssertions.assertSize(sampleSize().width(), sampleSize().height(), decoded.pixels());
            RenditionAssertions.assertQuadrants(decoded.pixels(), tolerance(), decoder().name() + " full scale");
        }
    }

    /**
     * Asked to subsample, a decoder keeps every n-th pixel (its size is the stored size divided by n, rounded
     * either way) or ignores the request and decodes full size; either way the picture is the same and the stored
     * size is reported in full.
     */
    @Test
    void reducedScaleDecodingKeepsThePictureAndReportsTheStoredSize() throws IOException {
        for (int subsampling : new int[] {2, 4}) {
            try (ImageDecoder.Reading reading = decoder().open(input("sample", sample()))) {
                reading.info();
                DecodedImage decoded = reading.decode(subsampling);
                String what = decoder().name() + " subsampling " + subsampling;
                assertEquals(sampleSize(), decoded.storedSize(), what + ": the stored size, not the decoded one");
                BufferedImage pixels = decoded.pixels();
                boolean full = pixels.getWidth() == sampleSize().width() && pixels.getHeight() == sampleSize().height();
                boolean reduced = near(pixels.getWidth(), sampleSize().width(), subsampling)
                        && near(pixels.getHeight(), sampleSize().height(), subsampling);
                assertTrue(full || reduced, what + ": decoded " + pixels.getWidth() + "x" + pixels.getHeight()
                        + " from " + sampleSize().width() + "x" + sampleSize().height());
                RenditionAssertions.assertQuadrants(pixels, tolerance(), what);
            }
        }
    }

    private static boolean near(int decoded, int stored, int subsampling) {
        return decoded == stored / subsampling || decoded == (stored + subsampling - 1) / subsampling;
    }

    /** Built in, or listed in {@code META-INF/services/com.galerly.imaging.ImageDecoder}: a default processor reads it. */
    @Test
    void isRegisteredSoADefaultProcessorReadsItsFormat() {
        Class<?> type = decoder().getClass();
        String name = decoder().name();
        boolean builtIn = GalerlyImaging.builtInDecoders().stream()
                .anyMatch(d -> d.getClass() == type && d.name().equals(name));
        boolean listed = ServiceLoader.load(ImageDecoder.class).stream().anyMatch(p -> p.type() == type);
        assertTrue(builtIn || listed, type.getName() + " is neither built in nor listed in "
                + "META-INF/services/" + ImageDecoder.class.getName());

        ImageInfo info = GalerlyImaging.processor().inspect(ImageSource.of("sample", sample()));
        assertEquals(format(), info.format());
        assertEquals(sampleSize(), new Size(info.width(), info.height()));
    }

    @Test
    void realFilesSniffReadAndRender() throws IOException {
        Map<String, byte[]> files = realFiles();
        assumeFalse(files.isEmpty(), () -> decoder().name() + ": no real files supplied (override realFiles())");
        ImageProcessor processor = GalerlyImaging.builder().discoverPlugins(false).decoder(decoder()).build();
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            String what = decoder().name() + " " + file.getKey();
            assertTrue(decoder().sniff(input(file.getKey(), file.getValue()).head()).accepted(), what + " sniffs");
            ImageInfo info;
            try (ImageDecoder.Reading reading = decoder().open(input(file.getKey(), file.getValue()))) {
                info = reading.info();
                assertTrue(info.width() > 0 && info.height() > 0, what + ": " + info);
                DecodedImage decoded = reading.decode(1);
                assertEquals(new Size(info.width(), info.height()), decoded.storedSize(), what);
            }
            ProcessedImage out = processor.process(ImageSource.of(file.getKey(), file.getValue()),
                    RenditionProfile.standard());
            assertEquals(info.format(), out.info().format(), what);
            assertFalse(out.renditions().isEmpty(), what + " renders");
            assertNotNull(RenditionAssertions.largest(out), what);
        }
    }

    @Test
    void aTruncatedInputFailsInsteadOfReturningPartialPixels() {
        byte[] sample = sample();
        assertFailsTyped(MalformedImages.truncated(sample, sample.length * 2 / 3), "a truncated file");
    }

    @Test
    void garbageAfterAnAcceptedHeaderFailsTyped() {
        assertFailsTyped(garbled(), "its header followed by garbage");
    }

    /** Through the engine, truncated or garbled input is a non-retryable GalerlyException naming the file. */
    @Test
    void theEngineReportsBrokenInputAsATypedError() {
        ImageProcessor processor = GalerlyImaging.builder().discoverPlugins(false).decoder(decoder()).build();
        byte[] sample = sample();
        Map<String, byte[]> broken = Map.of("truncated.bin", MalformedImages.truncated(sample, sample.length * 2 / 3),
                "garbled.bin", garbled());
        for (Map.Entry<String, byte[]> b : broken.entrySet()) {
            GalerlyException e = assertThrows(GalerlyException.class, () -> processor.process(
                    ImageSource.of(b.getKey(), b.getValue()), RenditionProfile.standard()), b.getKey());
            assertTrue(TYPED.contains(e.code()), b.getKey() + ": " + e.code() + " " + e.getMessage());
            assertFalse(e.retryable(), b.getKey());
            assertTrue(e.getMessage().contains(b.getKey()), "the message names the file: " + e.getMessage());
        }
    }

    private byte[] garbled() {
        byte[] sample = sample();
        int keep = Math.min(sample.length, 32);
        byte[] garbage = Arrays.copyOf(sample, Math.max(sample.length, 256));
        for (int i = keep; i < garbage.length; i++) {
            garbage[i] = (byte) (i * 31 + 7);
        }
        return garbage;
    }

    /**
     * The decoder must fail with an IOException (the engine maps it to CORRUPT_IMAGE) or a GalerlyException of one
     * of the image codes, never an unchecked exception of its own (ArrayIndexOutOfBounds, NullPointer...).
     */
    private void assertFailsTyped(byte[] bytes, String what) {
        try (ImageDecoder.Reading reading = decoder().open(input("broken", bytes))) {
            reading.info();
            reading.decode(1);
            fail(decoder().name() + " decoded " + what);
        } catch (IOException expected) {
            // the engine turns an IOException into CORRUPT_IMAGE naming the file (ImageIO's own often has no message)
        } catch (GalerlyException e) {
            assertTrue(TYPED.contains(e.code()), decoder().name() + " on " + what + ": " + e.code());
        } catch (RuntimeException e) {
            throw new AssertionError(decoder().name() + " threw " + e + " on " + what
                    + "; expected an IOException or a GalerlyException", e);
        }
    }
}
