/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.spring;

import com.galerly.core.KeyLayout;
import com.galerly.core.image.ImageFormat;
import com.galerly.core.image.ImageProcessor;
import com.galerly.core.image.ImageProcessors;
import com.galerly.core.image.ProcessorSettings;
import com.galerly.core.image.RenditionProfile;
import java.time.Clock;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnResource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Galerly's core beans from {@code galerly.*}: the clock, key layout, rendition profile and (when an
 * implementation such as galerly-imaging is on the classpath) the {@link ImageProcessor}. Each backs off when
 * the application defines its own.
 */
@AutoConfiguration
@EnableConfigurationProperties(GalerlyProperties.class)
public class GalerlyAutoConfiguration {
    @Bean
    @ConditionalOnMissingBean
    public Clock galerlyClock() {
        return Clock.systemUTC();
    }

    @Bean
    @ConditionalOnMissingBean
    public KeyLayout galerlyKeyLayout(GalerlyProperties properties) {
        GalerlyProperties.Layout layout = properties.getLayout();
        return Settings.named("galerly.layout", () -> KeyLayout.builder().originalsPrefix(layout.getOriginalsPrefix())
                .renditionsPrefix(layout.getRenditionsPrefix()).build());
    }

    @Bean
    @ConditionalOnMissingBean
    public RenditionProfile galerlyRenditionProfile(GalerlyProperties properties) {
        GalerlyProperties.Renditions r = properties.getRenditions();
        ImageFormat format = ImageFormat.fromId(r.getFormat().toLowerCase(java.util.Locale.ROOT))
                .filter(f -> f == ImageFormat.JPEG || f == ImageFormat.WEBP)
                .orElseThrow(() -> new IllegalArgumentException("galerly.renditions.format must be jpeg or webp, was "
                        + r.getFormat()));
        return Settings.named("galerly.renditions.quality",
                () -> RenditionProfile.standard().withFormat(format).withQuality(r.getQuality()));
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnResource(resources = "classpath:META-INF/services/com.galerly.core.image.ImageProcessorProvider")
    public ImageProcessor galerlyImageProcessor(GalerlyProperties properties) {
        GalerlyProperties.Renditions r = properties.getRenditions();
        ProcessorSettings settings = Settings.named("galerly.renditions", () -> ProcessorSettings.builder()
                .maxMegapixels(r.getMaxMegapixels()).maxBytes(r.getMaxOriginalSize().toBytes()).build());
        return ImageProcessors.load(settings);
    }
}
