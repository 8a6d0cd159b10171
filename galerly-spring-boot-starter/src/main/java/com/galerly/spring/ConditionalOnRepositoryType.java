/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.spring;

import com.galerly.spring.internal.OnRepositoryTypeCondition;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Conditional;

/**
 * Matches when {@code galerly.repository.type} names this store, or is {@code auto} (the default) and the
 * application's beans choose it: a {@code DynamoDbClient} bean chooses DynamoDB, else a {@code DataSource} bean
 * chooses JDBC, else the embedded store.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@Documented
@Conditional(OnRepositoryTypeCondition.class)
public @interface ConditionalOnRepositoryType {
    /** The store this configuration sets up. */
    GalerlyProperties.RepositoryType value();
}
