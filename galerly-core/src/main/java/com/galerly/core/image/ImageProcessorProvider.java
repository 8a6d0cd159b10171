/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.core.image;

import java.util.Optional;

/**
 * Service-provider interface behind {@link ImageProcessors}: a jar that implements {@link ImageProcessor}
 * lists its provider in {@code META-INF/services/com.galerly.core.image.ImageProcessorProvider}.
 */
public interface ImageProcessorProvider {
    /** A short name for messages and selection ({@code "galerly-imaging"}). */
    String name();

    /** Higher wins when several are available. */
    default int priority() {
        return 0;
    }

    /** Why this provider cannot work here (a missing native library...), or empty when it can. */
    default Optional<String> unavailableReason() {
        return Optional.empty();
    }

    ImageProcessor create(ProcessorSettings settings);
}
