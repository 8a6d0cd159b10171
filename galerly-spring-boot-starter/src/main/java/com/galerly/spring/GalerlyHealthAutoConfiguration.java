/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.spring;

import com.galerly.core.photo.PhotoRepository;
import com.galerly.core.storage.BlobStore;
import java.time.Clock;
import org.springframework.boot.actuate.autoconfigure.health.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * {@code /actuator/health/galerly} (Spring Boot Actuator on the classpath): the bucket and the record store
 * answer. Turn it off with {@code management.health.galerly.enabled=false}.
 */
@AutoConfiguration(after = GalerlyServicesAutoConfiguration.class)
@ConditionalOnClass({HealthIndicator.class, ConditionalOnEnabledHealthIndicator.class})
@ConditionalOnEnabledHealthIndicator("galerly")
public class GalerlyHealthAutoConfiguration {
    @Bean
    @ConditionalOnMissingBean(name = "galerlyHealthIndicator")
    @ConditionalOnBean({BlobStore.class, PhotoRepository.class})
    public GalerlyHealthIndicator galerlyHealthIndicator(BlobStore blobs, PhotoRepository photos, Clock clock) {
        return new GalerlyHealthIndicator(blobs, photos, clock);
    }
}
