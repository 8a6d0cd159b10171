/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.spring;

import com.galerly.aws.dynamodb.DynamoDbPhotoRepository;
import com.galerly.core.photo.PhotoRepository;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The DynamoDB {@link PhotoRepository} on {@code galerly.repository.table}: with {@code galerly.repository.type=dynamodb},
 * or by default when the application has a {@code DynamoDbClient} bean (which it then uses).
 */
@AutoConfiguration(after = GalerlyAutoConfiguration.class,
        afterName = "io.awspring.cloud.autoconfigure.dynamodb.DynamoDbAutoConfiguration")
@ConditionalOnClass({DynamoDbPhotoRepository.class, DynamoDbClient.class})
@ConditionalOnRepositoryType(GalerlyProperties.RepositoryType.DYNAMODB)
public class GalerlyDynamoDbAutoConfiguration {
    @Bean
    @ConditionalOnMissingBean
    public DynamoDbClient galerlyDynamoDbClient(GalerlyProperties properties,
                                                ObjectProvider<AwsCredentialsProvider> credentials) {
        return DynamoDbClient.builder().region(Region.of(properties.getRegion()))
                .credentialsProvider(credentials.getIfAvailable(() -> DefaultCredentialsProvider.builder().build()))
                .build();
    }

    @Bean
    @ConditionalOnMissingBean(PhotoRepository.class)
    public DynamoDbPhotoRepository galerlyPhotoRepository(GalerlyProperties properties, DynamoDbClient dynamoDb,
                                                          Clock clock) {
        return Settings.named("galerly.repository.table",
                () -> DynamoDbPhotoRepository.create(dynamoDb, properties.getRepository().getTable(), clock));
    }
}
