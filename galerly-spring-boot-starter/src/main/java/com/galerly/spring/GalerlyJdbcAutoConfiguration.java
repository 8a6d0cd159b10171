/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.spring;

import com.galerly.core.photo.PhotoRepository;
import com.galerly.jdbc.EmbeddedPhotoStore;
import com.galerly.jdbc.JdbcPhotoRepository;
import java.time.Clock;
import java.util.Base64;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The JDBC {@link PhotoRepository} (galerly-jdbc on the classpath): on the application's {@link DataSource} with
 * {@code galerly.repository.type=jdbc} or by default when a {@code DataSource} bean exists (the schema created at
 * start unless {@code galerly.repository.create-schema=false}); or, when nothing chooses another store, on galerly-jdbc's
 * {@link EmbeddedPhotoStore} (H2 in PostgreSQL mode, in memory or in {@code galerly.repository.embedded-file}),
 * which needs nothing installed.
 */
@AutoConfiguration(after = GalerlyAutoConfiguration.class,
        afterName = "org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration")
@ConditionalOnClass(JdbcPhotoRepository.class)
public class GalerlyJdbcAutoConfiguration {
    /** The application's database. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnRepositoryType(GalerlyProperties.RepositoryType.JDBC)
    static class Jdbc {
        @Bean
        @ConditionalOnMissingBean(PhotoRepository.class)
        JdbcPhotoRepository galerlyPhotoRepository(GalerlyProperties properties, DataSource dataSource, Clock clock) {
            JdbcPhotoRepository.Builder builder = JdbcPhotoRepository.builder().dataSource(dataSource);
            configure(builder, properties, clock);
            JdbcPhotoRepository repository = Settings.named("galerly.repository", builder::build);
            if (properties.getRepository().isCreateSchema()) {
                repository.createSchema();
            }
            return repository;
        }
    }

    /** An in-process database: demos, tests and small installs. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnRepositoryType(GalerlyProperties.RepositoryType.EMBEDDED)
    static class Embedded {
        @Bean(destroyMethod = "close")
        @ConditionalOnMissingBean
        EmbeddedPhotoStore galerlyEmbeddedPhotoStore(GalerlyProperties properties) {
            return properties.getRepository().getEmbeddedFile() == null ? EmbeddedPhotoStore.inMemory()
                    : EmbeddedPhotoStore.file(properties.getRepository().getEmbeddedFile());
        }

        @Bean
        @ConditionalOnMissingBean(PhotoRepository.class)
        JdbcPhotoRepository galerlyPhotoRepository(GalerlyProperties properties, EmbeddedPhotoStore store,
                                                   Clock clock) {
            return Settings.named("galerly.repository",
                    () -> store.repository(builder -> configure(builder, properties, clock)));
        }
    }

    private static void configure(JdbcPhotoRepository.Builder builder, GalerlyProperties properties, Clock clock) {
        builder.clock(clock);
        String key = properties.getRepository().getPageTokenKey();
        if (key != null && !key.isBlank()) {
            try {
                builder.pageTokenKey(Base64.getDecoder().decode(key.trim()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("galerly.repository.page-token-key must be Base64 of at least 16"
                        + " bytes: " + e.getMessage(), e);
            }
        }
    }
}
