/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.spring;

import com.galerly.core.photo.PhotoRepository;
import com.galerly.jdbc.JdbcPhotoRepository;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The JDBC {@link PhotoRepository} (galerly-jdbc on the classpath): on the application's {@link DataSource} with
 * {@code galerly.repository.type=jdbc} or by default when a {@code DataSource} bean exists; or, when nothing
 * chooses another store, on an embedded in-process database (H2 in PostgreSQL mode) that needs nothing installed.
 * The schema is created at start unless {@code galerly.repository.create-schema=false}.
 */
@AutoConfiguration(after = GalerlyAutoConfiguration.class,
        afterName = "org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration")
@ConditionalOnClass(JdbcPhotoRepository.class)
public class GalerlyJdbcAutoConfiguration {
    private static final Logger LOG = LoggerFactory.getLogger(GalerlyJdbcAutoConfiguration.class);

    /** The application's database. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnRepositoryType(GalerlyProperties.RepositoryType.JDBC)
    static class Jdbc {
        @Bean
        @ConditionalOnMissingBean(PhotoRepository.class)
        JdbcPhotoRepository galerlyPhotoRepository(GalerlyProperties properties, DataSource dataSource, Clock clock) {
            return repository(properties, dataSource, clock);
        }
    }

    /** An in-process database: demos, tests and small installs. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnRepositoryType(GalerlyProperties.RepositoryType.EMBEDDED)
    @ConditionalOnClass(name = "org.h2.jdbcx.JdbcDataSource")
    static class Embedded {
        @Bean
        @ConditionalOnMissingBean(PhotoRepository.class)
        JdbcPhotoRepository galerlyPhotoRepository(GalerlyProperties properties, Clock clock) {
            JdbcDataSource h2 = new JdbcDataSource();
            h2.setURL("jdbc:h2:mem:galerly-" + UUID.randomUUID() + ";MODE=PostgreSQL;DB_CLOSE_DELAY=-1");
            return repository(properties, h2, clock);
        }
    }

    static JdbcPhotoRepository repository(GalerlyProperties properties, DataSource dataSource, Clock clock) {
        GalerlyProperties.Repository settings = properties.getRepository();
        byte[] key;
        if (settings.getPageTokenKey() == null || settings.getPageTokenKey().isBlank()) {
            key = new byte[32];
            new SecureRandom().nextBytes(key);
            LOG.info("galerly.repository.page-token-key is not set: page tokens are valid until the next start");
        } else {
            try {
                key = Base64.getDecoder().decode(settings.getPageTokenKey().trim());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("galerly.repository.page-token-key must be Base64", e);
            }
        }
        byte[] pageTokenKey = key;
        JdbcPhotoRepository repository = Settings.named("galerly.repository", () -> JdbcPhotoRepository.builder()
                .dataSource(dataSource).clock(clock).pageTokenKey(pageTokenKey).build());
        if (settings.isCreateSchema()) {
            repository.createSchema();
        }
        return repository;
    }
}
