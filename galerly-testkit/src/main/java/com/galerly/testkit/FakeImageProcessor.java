/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.testkit;

import com.galerly.core.CorruptImageException;
import com.galerly.core.GalerlyException;
import com.galerly.core.LimitExceededException;
import com.galerly.core.UnsupportedFormatException;
import com.galerly.core.image.EncodedRendition;
import com.galerly.core.image.ImageFormat;
import com.galerly.core.image.ImageInfo;
import com.galerly.core.image.ImageProcessor;
import com.galerly.core.image.ImageSource;
import com.galerly.core.image.ProcessedImage;
import com.galerly.core.image.ProcessorSettings;
import com.galerly.core.image.RenditionProfile;
import com.galerly.core.image.RenditionSpec;
import com.galerly.core.image.ResizePlan;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An {@link ImageProcessor} for fast tests: it "decodes" {@link FakeImage}s, plans every rendition with the
 * real geometry ({@link RenditionSpec#plan}), and encodes each rendition as a fake image of the planned size.
 * Anything else is UNSUPPORTED_FORMAT, a broken fake-image header is CORRUPT_IMAGE, and the limits of
 * {@link ProcessorSettings} apply, so error paths can be tested without pixels. Thread-safe.
 *
 * <pre>{@code
 * FakeImageProcessor processor = new FakeImageProcessor();
 * ProcessedImage out = processor.process(ImageSource.of("p.jpg", FakeImage.of(6000, 4000).toBytes()),
 *         RenditionProfile.standard());
 * out.rendition("thumbnail").orElseThrow().size();   // 400x400
 * }</pre>
 */
public final class FakeImageProcessor implements ImageProcessor {
    private final ProcessorSettings settings;
    private final Faults faults = new Faults();
    private final AtomicInteger processed = new AtomicInteger();

    public FakeImageProcessor() {
        this(ProcessorSettings.defaults());
    }

    public FakeImageProcessor(ProcessorSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** Fault injection; operations are {@code inspect} and {@code process}. */
    public Faults faults() {
        return faults;
    }

    /** How many {@code process} calls produced renditions. */
    public int processed() {
        return processed.get();
    }

    @Override
    public ImageInfo inspect(ImageSource source) {
        faults.check("inspect");
        return info(source, read(source));
    }

    @Override
    public ProcessedImage process(ImageSource source, RenditionProfile profile) {
        faults.check("process");
        FakeImage image = read(source);
        ImageInfo info = info(source, image);
        List<EncodedRendition> renditions = new ArrayList<>();
        for (RenditionSpec spec : profile.specs()) {
            ResizePlan plan = spec.plan(info.orientedSize());
            byte[] bytes = new FakeImage(spec.format(), plan.output().width(), plan.output().height(), 1).toBytes();
            renditions.add(new EncodedRendition(spec, plan.output(), bytes));
        }
        processed.incrementAndGet();
        return new ProcessedImage(info, renditions, "synthetic-" + info.orientedSize());
    }

    private ImageInfo info(ImageSource source, FakeImage image) {
        long pixels = (long) image.width() * image.height();
        if (pixels > settings.maxPixels()) {
            throw new LimitExceededException(source.name() + " is " + image.width() + "x" + image.height()
                    + " (" + pixels + " pixels), over the limit of " + settings.maxPixels() + " pixels");
        }
        return new ImageInfo(image.format(), image.width(), image.height(), image.orientation(), "RGB", 8, false,
                null, Map.of());
    }

    private FakeImage read(ImageSource source) {
        if (source.size() > settings.maxBytes()) {
            throw new LimitExceededException(source.name() + " has " + source.size() + " bytes, over the limit of "
                    + settings.maxBytes() + " bytes");
        }
        byte[] bytes;
        try (InputStream in = source.open()) {
            bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, settings.maxBytes() + 1));
        } catch (GalerlyException e) {
            throw e;
        } catch (IOException e) {
            throw GalerlyException.io("cannot read " + source.name() + ": " + e.getMessage(), e);
        }
        if (bytes.length > settings.maxBytes()) {
            throw new LimitExceededException(source.name() + " is larger than the limit of " + settings.maxBytes()
                    + " bytes");
        }
        try {
            return FakeImage.parse(bytes).orElseThrow(() -> new UnsupportedFormatException(
                    "no decoder for " + source.name() + " (sniffed: " + ImageFormat.sniff(bytes, bytes.length)
                            .map(ImageFormat::id).orElse("unknown") + "); tried: synthetic (not a fake image)"));
        } catch (IllegalArgumentException e) {
            throw new CorruptImageException(source.name() + " is a corrupt fake image: " + e.getMessage(), e);
        }
    }
}
