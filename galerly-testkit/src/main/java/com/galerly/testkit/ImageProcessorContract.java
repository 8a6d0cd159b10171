/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.galerly.core.ErrorCode;
import com.galerly.core.GalerlyException;
import com.galerly.core.image.EncodedRendition;
import com.galerly.core.image.ImageInfo;
import com.galerly.core.image.ImageProcessor;
import com.galerly.core.image.ImageSource;
import com.galerly.core.image.ProcessedImage;
import com.galerly.core.image.ProcessorSettings;
import com.galerly.core.image.RenditionProfile;
import com.galerly.core.image.RenditionSpec;
import com.galerly.core.image.Size;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * What every {@link ImageProcessor} must do: renditions of the planned sizes in the profile's order, the same
 * header from {@code inspect} as from {@code process}, limits applied, and failures that are typed
 * {@link GalerlyException}s with the documented codes (never another RuntimeException); one instance serves
 * concurrent calls. An implementation's test extends this class:
 *
 * <pre>{@code
 * class EngineContractTest extends ImageProcessorContract {
 *     protected ImageProcessor processor(ProcessorSettings settings) {
 *         return GalerlyImaging.processor(settings);
 *     }
 *     protected byte[] image(int width, int height) {
 *         return ImageFiles.jpeg(SyntheticImages.quadrants(width, height), 90);
 *     }
 *     protected byte[] corrupt() { return MalformedImages.truncated(image(640, 480), 300); }
 * }
 * }</pre>
 */
public abstract class ImageProcessorContract {
    /** The processor under test with these settings. */
    protected abstract ImageProcessor processor(ProcessorSettings settings);

    /** A file the processor reads, of this size (upright, no orientation to apply). */
    protected abstract byte[] image(int width, int height);

    /** A file of the same format that is damaged (truncated or malformed). */
    protected abstract byte[] corrupt();

    private static GalerlyException assertFails(ErrorCode code, Executable call) {
        GalerlyException e;
        try {
            e = assertThrows(GalerlyException.class, call);
        } catch (AssertionError wrongType) {
            throw new AssertionError("expected a GalerlyException " + code + ": " + wrongType.getMessage(), wrongType);
        }
        assertEquals(code, e.code(), e.getMessage());
        return e;
    }

    @Test
    void rendersEverySpecAtItsPlannedSizeInOrder() {
        RenditionProfile profile = RenditionProfile.standard();
        ProcessedImage out = processor(ProcessorSettings.defaults()).process(
                ImageSource.of("photo", image(640, 480)), profile);
        assertEquals(640, out.info().width());
        assertEquals(480, out.info().height());
        assertEquals(profile.specs().size(), out.renditions().size());
        for (int i = 0; i < profile.specs().size(); i++) {
            RenditionSpec spec = profile.specs().get(i);
            EncodedRendition r = out.renditions().get(i);
            assertEquals(spec.name(), r.name());
            assertEquals(spec.format(), r.format());
            assertEquals(spec.plan(new Size(640, 480)).output(), r.size(), spec.name());
            assertEquals(r.length(), r.bytes().length);
        }
    }

    @Test
    void inspectReadsTheSameHeaderAsProcess() {
        ImageProcessor processor = processor(ProcessorSettings.defaults());
        byte[] bytes = image(320, 200);
        ImageInfo inspected = processor.inspect(ImageSource.of("photo", bytes));
        ImageInfo processed = processor.process(ImageSource.of("photo", bytes), RenditionProfile.standard()).info();
        assertEquals(320, inspected.width());
        assertEquals(200, inspected.height());
        assertEquals(processed.format(), inspected.format());
        assertEquals(processed.orientedSize(), inspected.orientedSize());
    }

    @Test
    void textIsUnsupportedFormat() {
        byte[] text = "hello, this is not an image\n".repeat(20).getBytes(StandardCharsets.US_ASCII);
        ImageProcessor processor = processor(ProcessorSettings.defaults());
        assertFails(ErrorCode.UNSUPPORTED_FORMAT,
                () -> processor.process(ImageSource.of("notes.txt", text), RenditionProfile.standard()));
        assertFails(ErrorCode.UNSUPPORTED_FORMAT, () -> processor.inspect(ImageSource.of("notes.txt", text)));
    }

    @Test
    void aDamagedFileIsCorruptImage() {
        assertFails(ErrorCode.CORRUPT_IMAGE, () -> processor(ProcessorSettings.defaults())
                .process(ImageSource.of("damaged", corrupt()), RenditionProfile.standard()));
    }

    @Test
    void limitsApplyBeforeDecoding() {
        byte[] bytes = image(640, 480);
        assertFails(ErrorCode.LIMIT_EXCEEDED, () -> processor(ProcessorSettings.of(s -> s.maxPixels(640 * 479)))
                .process(ImageSource.of("big", bytes), RenditionProfile.standard()));
        assertFails(ErrorCode.LIMIT_EXCEEDED, () -> processor(ProcessorSettings.of(s -> s.maxBytes(bytes.length - 1)))
                .process(ImageSource.of("big", bytes), RenditionProfile.standard()));
    }

    @Test
    void anUnreadableSourceIsIoError() {
        byte[] bytes = image(64, 48);
        ImageSource failing = ImageSource.of("gone", bytes.length, () -> {
            throw new IOException("connection reset");
        });
        assertFails(ErrorCode.IO_ERROR, () -> processor(ProcessorSettings.defaults())
                .process(failing, RenditionProfile.standard()));
    }

    @Test
    void oneInstanceServesConcurrentCalls() throws Exception {
        ImageProcessor processor = processor(ProcessorSettings.defaults());
        byte[] bytes = image(400, 300);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<List<Size>>> work = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                work.add(() -> processor.process(ImageSource.of("photo", bytes), RenditionProfile.standard())
                        .renditions().stream().map(EncodedRendition::size).toList());
            }
            List<Size> first = null;
            for (Future<List<Size>> done : pool.invokeAll(work)) {
                List<Size> sizes = done.get();
                if (first == null) {
                    first = sizes;
                }
                assertEquals(first, sizes);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
