/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.spring;

import com.galerly.aws.lambda.Tracing;
import com.galerly.core.KeyLayout;
import com.galerly.core.delivery.DeliveryUrls;
import com.galerly.core.delivery.UrlSigner;
import com.galerly.core.gallery.AccessPolicy;
import com.galerly.core.gallery.GalleryService;
import com.galerly.core.image.ImageProcessor;
import com.galerly.core.image.RenditionProfile;
import com.galerly.core.metrics.Metrics;
import com.galerly.core.photo.PhotoRepository;
import com.galerly.core.pipeline.RenditionPipeline;
import com.galerly.core.storage.BlobStore;
import com.galerly.core.trace.Tracer;
import com.galerly.core.upload.UploadService;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What composes the ports: the {@link RenditionPipeline} (with {@link Metrics} through Micrometer when the
 * application has a {@code MeterRegistry}, and {@link Tracer} spans through OpenTelemetry's API when present),
 * the {@link GalleryService} (with the application's {@link AccessPolicy} bean, or allow-all) and the
 * {@code galerly} health indicator ({@link GalerlyHealthAutoConfiguration}).
 */
@AutoConfiguration(after = {GalerlyAutoConfiguration.class, GalerlyS3AutoConfiguration.class,
        GalerlyDynamoDbAutoConfiguration.class, GalerlyCdnAutoConfiguration.class},
        afterName = {"com.galerly.spring.GalerlyJdbcAutoConfiguration",
                "org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration"})
public class GalerlyServicesAutoConfiguration {
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean({ImageProcessor.class, BlobStore.class, PhotoRepository.class})
    public RenditionPipeline galerlyRenditionPipeline(ImageProcessor processor, BlobStore blobs, PhotoRepository photos,
                                                      RenditionProfile profile, KeyLayout layout, Clock clock,
                                                      ObjectProvider<Metrics> metrics, ObjectProvider<Tracer> tracer) {
        return RenditionPipeline.builder().processor(processor).blobs(blobs).photos(photos).profile(profile)
                .layout(layout).clock(clock).metrics(metrics.getIfAvailable(Metrics::noop))
                .tracer(tracer.getIfAvailable(Tracer::noop)).build();
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean({UploadService.class, PhotoRepository.class, BlobStore.class, DeliveryUrls.class})
    public GalleryService galerlyGalleryService(GalerlyProperties properties, UploadService uploads,
                                                PhotoRepository photos, BlobStore blobs, DeliveryUrls urls,
                                                ObjectProvider<UrlSigner> signer, ObjectProvider<AccessPolicy> access,
                                                KeyLayout layout, Clock clock) {
        GalleryService.Builder gallery = GalleryService.builder().uploads(uploads).photos(photos).blobs(blobs)
                .urls(urls).layout(layout).clock(clock);
        signer.ifAvailable(gallery::signer);
        access.ifAvailable(gallery::access);
        return Settings.named("galerly.cdn.signed-url-expiry",
                () -> gallery.signedUrlExpiry(properties.getCdn().getSignedUrlExpiry()).build());
    }

    /** Pipeline metrics as Micrometer meters ({@code galerly.photos}, {@code galerly.stage}, ...). */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(MeterRegistry.class)
    static class MicrometerConfiguration {
        @Bean
        @ConditionalOnMissingBean(Metrics.class)
        @ConditionalOnBean(MeterRegistry.class)
        MicrometerMetrics galerlyMetrics(MeterRegistry registry) {
            return new MicrometerMetrics(registry);
        }
    }

    /** Spans through OpenTelemetry's API (a no-op without an SDK or agent). */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = {"com.galerly.aws.lambda.Tracing", "io.opentelemetry.api.OpenTelemetry"})
    static class TracingConfiguration {
        @Bean
        @ConditionalOnMissingBean(Tracer.class)
        Tracer galerlyTracer() {
            return Tracing.openTelemetry();
        }
    }
}
