/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.imaging;

import com.galerly.core.image.ImageProcessor;
import com.galerly.core.image.ProcessorSettings;
import com.galerly.testkit.ImageProcessorContract;
import com.galerly.testkit.image.ImageFiles;
import com.galerly.testkit.image.MalformedImages;
import com.galerly.testkit.image.SyntheticImages;

/** The imaging engine against the test kit's ImageProcessor contract, on real JPEG files. */
class EngineContractTest extends ImageProcessorContract {
    @Override
    protected ImageProcessor processor(ProcessorSettings settings) {
        return GalerlyImaging.processor(settings);
    }

    @Override
    protected byte[] image(int width, int height) {
        return ImageFiles.jpeg(SyntheticImages.quadrants(width, height), 90);
    }

    @Override
    protected byte[] corrupt() {
        byte[] jpeg = image(640, 480);
        return MalformedImages.truncated(jpeg, jpeg.length / 2);
    }
}
