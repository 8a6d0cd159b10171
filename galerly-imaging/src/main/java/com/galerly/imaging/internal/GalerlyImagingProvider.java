/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.imaging.internal;

import com.galerly.core.image.ImageProcessor;
import com.galerly.core.image.ImageProcessorProvider;
import com.galerly.core.image.ProcessorSettings;
import com.galerly.imaging.GalerlyImaging;

/** Makes galerly-imaging the processor {@code ImageProcessors.load()} finds. */
public final class GalerlyImagingProvider implements ImageProcessorProvider {
    @Override
    public String name() {
        return "galerly-imaging";
    }

    @Override
    public ImageProcessor create(ProcessorSettings settings) {
        return GalerlyImaging.processor(settings);
    }
}
