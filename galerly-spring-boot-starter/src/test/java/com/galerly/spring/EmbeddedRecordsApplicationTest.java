/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.spring;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.galerly.core.photo.PhotoRepository;
import com.galerly.jdbc.JdbcPhotoRepository;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

/**
 * The flow on the record store the starter configures by itself when nothing else is chosen: galerly-jdbc's
 * repository on an embedded database (H2 in PostgreSQL mode), nothing installed.
 */
@Import(GalleryFlowTest.S3ProxyCredentials.class)
class EmbeddedRecordsApplicationTest extends GalleryFlowTest {
    @Autowired
    PhotoRepository photos;

    @Test
    void theRecordsAreInTheEmbeddedStore() {
        assertInstanceOf(JdbcPhotoRepository.class, photos);
    }
}
