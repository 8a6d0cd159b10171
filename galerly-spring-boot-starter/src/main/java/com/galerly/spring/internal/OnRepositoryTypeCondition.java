/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.spring.internal;

import com.galerly.spring.ConditionalOnRepositoryType;
import com.galerly.spring.GalerlyProperties.RepositoryType;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.ConfigurationCondition;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.ClassUtils;

/** Decides {@link ConditionalOnRepositoryType}: the property, or with {@code auto} which client bean exists. */
public final class OnRepositoryTypeCondition extends SpringBootCondition implements ConfigurationCondition {
    static final String DYNAMODB_CLIENT = "software.amazon.awssdk.services.dynamodb.DynamoDbClient";
    static final String DATA_SOURCE = "javax.sql.DataSource";

    @Override
    public ConfigurationPhase getConfigurationPhase() {
        return ConfigurationPhase.REGISTER_BEAN;        // the application's beans are known by then
    }

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        RepositoryType wanted = (RepositoryType) metadata.getAnnotationAttributes(
                ConditionalOnRepositoryType.class.getName()).get("value");
        RepositoryType configured = Binder.get(context.getEnvironment())
                .bind("galerly.repository.type", RepositoryType.class).orElse(RepositoryType.AUTO);
        if (configured != RepositoryType.AUTO) {
            return configured == wanted
                    ? ConditionOutcome.match("galerly.repository.type=" + configured.name().toLowerCase())
                    : ConditionOutcome.noMatch("galerly.repository.type=" + configured.name().toLowerCase());
        }
        RepositoryType chosen = hasBean(context, DYNAMODB_CLIENT) ? RepositoryType.DYNAMODB
                : hasBean(context, DATA_SOURCE) ? RepositoryType.JDBC : RepositoryType.EMBEDDED;
        String why = "galerly.repository.type=auto chose " + chosen.name().toLowerCase();
        return chosen == wanted ? ConditionOutcome.match(why) : ConditionOutcome.noMatch(why);
    }

    private static boolean hasBean(ConditionContext context, String type) {
        ClassLoader loader = context.getClassLoader();
        ConfigurableListableBeanFactory beans = context.getBeanFactory();
        if (beans == null || !ClassUtils.isPresent(type, loader)) {
            return false;
        }
        return beans.getBeanNamesForType(ClassUtils.resolveClassName(type, loader), true, false).length > 0;
    }
}
