/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.spring;

import com.galerly.core.photo.PhotoRepository;
import com.galerly.testkit.InMemoryPhotoRepository;
import java.time.Clock;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * The flow with the application's own {@link PhotoRepository} bean (the test kit's in-memory one): the starter
 * backs off and wires it into the pipeline and the gallery service. EmbeddedRecordsApplicationTest runs the same
 * flow on the embedded store the starter configures by itself.
 */
@Import({GalleryFlowTest.S3ProxyCredentials.class, InMemoryRecordsApplicationTest.Records.class})
class InMemoryRecordsApplicationTest extends GalleryFlowTest {
    @TestConfiguration(proxyBeanMethods = false)
    static class Records {
        @Bean
        PhotoRepository photos(Clock clock) {
            return new InMemoryPhotoRepository(clock);
        }
    }
}
