/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.imaging;

import com.galerly.core.image.ImageProcessor;
import com.galerly.core.image.ProcessorSettings;
import com.galerly.imaging.internal.BuiltIns;
import com.galerly.imaging.internal.ImagingEngine;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.function.Consumer;

/**
 * Builds Galerly's {@link ImageProcessor} with the built-in codecs, the {@link ImageDecoder} and
 * {@link ImageEncoder} plugins found on the classpath, and any you add by hand. {@code ImageProcessors.load()}
 * in galerly-core finds the same processor through {@code ServiceLoader}; use this class when you want to
 * register a codec explicitly or to choose the class loader.
 *
 * <pre>{@code
 * ImageProcessor processor = GalerlyImaging.builder()
 *     .settings(s -> s.maxMegapixels(100).keepCopyright(true))
 *     .decoder(new MyHeifDecoder())          // asked before the built-ins when its priority is higher
 *     .build();
 * ProcessedImage out = processor.process(ImageSource.of(Path.of("photo.jpg")), RenditionProfile.standard());
 * }</pre>
 */
public final class GalerlyImaging {
    private GalerlyImaging() {
    }

    /** A processor with default settings: 200 MP, 512 MiB, JPEG alpha on white, metadata stripped. */
    public static ImageProcessor processor() {
        return builder().build();
    }

    public static ImageProcessor processor(ProcessorSettings settings) {
        return builder().settings(settings).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * The decoders galerly-imaging brings (JPEG, PNG, WebP, GIF, TIFF, BMP), in the order the engine asks them, for
     * plugins that unwrap a container and hand its payload on: a camera RAW's embedded JPEG preview goes through
     * the same JPEG path as any JPEG, a TIFF that turns out to be no RAW goes to the TIFF decoder.
     */
    public static List<ImageDecoder> builtInDecoders() {
        return BuiltIns.decoders();
    }

    /**
     * The encoders galerly-imaging brings (JPEG, WebP), for tests that run them through a contract suite
     * ({@code galerly-imaging-testkit}'s {@code ImageEncoderContract}) and for plugins that wrap one.
     */
    public static List<ImageEncoder> builtInEncoders() {
        return BuiltIns.encoders();
    }

    /**
     * The file extensions (lower case, no dot) of every decoder a default {@link #builder()} would install: the
     * built-ins and the plugins on the classpath, whether or not a plugin's native library loads here (its files are
     * then refused with the reason, not skipped). {@code galerly render DIR} picks files by these.
     *
     * <pre>{@code
     * Set<String> picked = GalerlyImaging.fileExtensions();    // jpg, jpeg, png, webp, ... dng, nef, pef, srw ...
     * }</pre>
     */
    public static java.util.Set<String> fileExtensions() {
        return fileExtensions(builder().decoders());
    }

    /**
     * The file extensions (lower case, no dot) of {@code decoders}: for an application that installs its decoders
     * by name ({@link Builder#discoverPlugins(boolean) discoverPlugins(false)}) and so must not look them up.
     *
     * <pre>{@code
     * List<ImageDecoder> all = new ArrayList<>(GalerlyImaging.builtInDecoders());
     * all.add(new RawDecoder());
     * Set<String> picked = GalerlyImaging.fileExtensions(all);
     * }</pre>
     */
    public static java.util.Set<String> fileExtensions(List<ImageDecoder> decoders) {
        java.util.Set<String> all = new java.util.TreeSet<>();
        for (ImageDecoder d : decoders) {
            for (String e : d.fileExtensions()) {
                all.add(e.toLowerCase(java.util.Locale.ROOT));
            }
        }
        return java.util.Collections.unmodifiableSet(all);
    }

    /**
     * The description of an ICC profile ({@code "Display P3"}), read bounded from untrusted bytes, as
     * {@link com.galerly.core.image.ImageInfo#colorProfileName()} reports it for the built-in formats; a fallback naming
     * the profile when it has none.
     */
    public static String iccProfileDescription(byte[] icc) {
        return BuiltIns.iccProfileDescription(icc);
    }

    /** Builds an {@link ImageProcessor}; settings are checked by {@link ProcessorSettings.Builder}. */
    public static final class Builder {
        private ProcessorSettings settings = ProcessorSettings.defaults();
        private final List<ImageDecoder> decoders = new ArrayList<>();
        private final List<ImageEncoder> encoders = new ArrayList<>();
        private boolean plugins = true;
        private ClassLoader loader = GalerlyImaging.class.getClassLoader();

        private Builder() {
        }

        public Builder settings(ProcessorSettings settings) {
            this.settings = Objects.requireNonNull(settings, "settings must not be null");
            return this;
        }

        public Builder settings(Consumer<ProcessorSettings.Builder> change) {
            ProcessorSettings.Builder b = settings.toBuilder();
            change.accept(b);
            this.settings = b.build();
            return this;
        }

        /** Adds a decoder; decoders are asked by descending {@link ImageDecoder#priority()}, built-ins at 0. */
        public Builder decoder(ImageDecoder decoder) {
            decoders.add(Objects.requireNonNull(decoder, "decoder must not be null"));
            return this;
        }

        /** Adds an encoder; per format the highest {@link ImageEncoder#priority()} that is available wins. */
        public Builder encoder(ImageEncoder encoder) {
            encoders.add(Objects.requireNonNull(encoder, "encoder must not be null"));
            return this;
        }

        /** Whether to add the plugins listed in {@code META-INF/services} (default true). */
        public Builder discoverPlugins(boolean discover) {
            this.plugins = discover;
            return this;
        }

        /** The class loader plugins are looked up in (default: galerly-imaging's own). */
        public Builder classLoader(ClassLoader loader) {
            this.loader = Objects.requireNonNull(loader, "classLoader must not be null");
            return this;
        }

        public ImageProcessor build() {
            List<ImageEncoder> e = new ArrayList<>(encoders);
            if (plugins) {
                e.addAll(load(ImageEncoder.class));
            }
            e.addAll(BuiltIns.encoders());
            return new ImagingEngine(settings, decoders(), e);
        }

        private List<ImageDecoder> decoders() {
            List<ImageDecoder> d = new ArrayList<>(decoders);
            if (plugins) {
                d.addAll(load(ImageDecoder.class));
            }
            d.addAll(BuiltIns.decoders());
            return d;
        }

        private <T> List<T> load(Class<T> type) {
            List<T> found = new ArrayList<>();
            try {
                ServiceLoader.load(type, loader).forEach(found::add);
            } catch (ServiceConfigurationError err) {
                throw new com.galerly.core.GalerlyException(com.galerly.core.ErrorCode.CONFIGURATION,
                        "a broken " + type.getSimpleName() + " plugin is on the classpath: " + err.getMessage(), err);
            }
            return found;
        }
    }
}
