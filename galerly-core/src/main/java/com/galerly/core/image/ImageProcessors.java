/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.core.image;

import com.galerly.core.ErrorCode;
import com.galerly.core.GalerlyException;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * Finds the installed {@link ImageProcessor} through {@link ServiceLoader}.
 *
 * <pre>{@code
 * ImageProcessor processor = ImageProcessors.load();                     // defaults: 200 MP, 512 MiB
 * ImageProcessor strict = ImageProcessors.load(ProcessorSettings.of(s -> s.maxMegapixels(50)));
 * }</pre>
 *
 * When none fits, the error lists every provider asked and why each declined.
 */
public final class ImageProcessors {
    private ImageProcessors() {
    }

    public static ImageProcessor load() {
        return load(ProcessorSettings.defaults());
    }

    public static ImageProcessor load(ProcessorSettings settings) {
        return load(settings, ImageProcessors.class.getClassLoader());
    }

    public static ImageProcessor load(ProcessorSettings settings, ClassLoader loader) {
        List<String> declined = new ArrayList<>();
        ImageProcessorProvider best = null;
        try {
            for (ImageProcessorProvider provider : ServiceLoader.load(ImageProcessorProvider.class, loader)) {
                var reason = provider.unavailableReason();
                if (reason.isPresent()) {
                    declined.add(provider.name() + " (" + reason.get() + ")");
                } else if (best == null || provider.priority() > best.priority()) {
                    best = provider;
                }
            }
        } catch (ServiceConfigurationError e) {
            throw new GalerlyException(ErrorCode.CONFIGURATION, "a broken ImageProcessorProvider is on the classpath: "
                    + e.getMessage(), e);
        }
        if (best == null) {
            throw new GalerlyException(ErrorCode.CONFIGURATION, "no ImageProcessor available; "
                    + (declined.isEmpty() ? "no provider found: add com.galerly:galerly-imaging to the classpath"
                    : "tried: " + String.join(", ", declined)));
        }
        return best.create(settings);
    }
}
