/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.testkit;

import com.galerly.core.image.ImageProcessor;
import com.galerly.core.image.ProcessorSettings;

class FakeImageProcessorContractTest extends ImageProcessorContract {
    @Override
    protected ImageProcessor processor(ProcessorSettings settings) {
        return new FakeImageProcessor(settings);
    }

    @Override
    protected byte[] image(int width, int height) {
        return FakeImage.of(width, height).toBytes();
    }

    @Override
    protected byte[] corrupt() {
        return FakeImage.corruptBytes();
    }
}
