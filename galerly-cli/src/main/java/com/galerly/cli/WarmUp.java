/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.cli;

import com.galerly.core.image.ImageProcessor;
import com.galerly.core.image.ImageSource;
import com.galerly.core.image.ProcessedImage;
import com.galerly.core.image.ProcessorSettings;
import com.galerly.core.image.RenditionProfile;
import java.io.IOException;
import java.io.InputStream;

/**
 * A {@code render}'s start-up, overlapped: while the main thread reads the command line, finds the inputs and sets
 * up the engine, a daemon thread renders a bundled 96x64 JPEG through the standard ladder. That loads, links and
 * initialises the decoder, resampler, encoders and BlurHash on the second core and counts their first calls towards
 * C1's compile thresholds, so the real photo starts on warm classes (measured: 1.03 s against 1.08 s without it,
 * medians of 12 interleaved fresh renders of a 24 MP photo). It changes no output and no state the render reads;
 * if it fails, nothing is reported (the render reports its own errors).
 * {@code -Dgalerly.warmUp=false} turns it off.
 *
 * <pre>{@code
 * WarmUp.start(args);          // in main, before parsing
 * }</pre>
 */
final class WarmUp {
    static final String SAMPLE = "warm-up.jpg";

    private WarmUp() {
    }

    /** Starts the warm-up when {@code args} run {@code render}; returns at once. */
    static Thread start(String[] args) {
        if (args.length == 0 || !"render".equals(args[0]) || "false".equals(System.getProperty("galerly.warmUp"))) {
            return null;
        }
        Thread t = new Thread(WarmUp::run, "galerly-warm-up");
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** Renders the bundled sample once; returns what it made, or null when anything failed. */
    static ProcessedImage run() {
        try (InputStream in = WarmUp.class.getResourceAsStream(SAMPLE)) {
            if (in == null) {
                return null;
            }
            byte[] sample = in.readAllBytes();
            ImageProcessor processor = RenderCommand.processor(ProcessorSettings.builder().threads(1).build());
            ProcessedImage out = processor.process(ImageSource.of(SAMPLE, sample), RenditionProfile.standard());
            return out;
        } catch (IOException | RuntimeException | LinkageError e) {
            return null;
        }
    }
}
