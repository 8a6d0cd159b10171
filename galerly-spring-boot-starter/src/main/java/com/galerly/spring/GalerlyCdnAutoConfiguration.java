/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.spring;

import com.galerly.cdn.CdnUrls;
import com.galerly.cdn.CloudFrontSigner;
import com.galerly.cdn.SigningKey;
import com.galerly.core.KeyLayout;
import com.galerly.core.delivery.DeliveryUrls;
import com.galerly.core.delivery.UrlSigner;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * CloudFront delivery (galerly-cdn on the classpath): the {@link DeliveryUrls} of {@code galerly.cdn.domain} and,
 * with {@code galerly.cdn.key-pair-id} and {@code galerly.cdn.private-key}, the {@link UrlSigner} that signs
 * URLs of private galleries.
 */
@AutoConfiguration(after = GalerlyAutoConfiguration.class)
@ConditionalOnClass(CdnUrls.class)
public class GalerlyCdnAutoConfiguration {
    @Bean
    @ConditionalOnMissingBean(DeliveryUrls.class)
    @ConditionalOnProperty(prefix = "galerly.cdn", name = "domain")
    public CdnUrls galerlyDeliveryUrls(GalerlyProperties properties, KeyLayout layout) {
        return Settings.named("galerly.cdn.domain",
                () -> CdnUrls.builder().domain(properties.getCdn().getDomain()).layout(layout).build());
    }

    @Bean
    @ConditionalOnMissingBean(UrlSigner.class)
    @ConditionalOnProperty(prefix = "galerly.cdn", name = "key-pair-id")
    public CloudFrontSigner galerlyUrlSigner(GalerlyProperties properties, Clock clock) {
        GalerlyProperties.Cdn cdn = properties.getCdn();
        if (cdn.getPrivateKey() == null || !cdn.getPrivateKey().exists()) {
            throw new IllegalArgumentException("galerly.cdn.private-key must name the PEM private key of key pair "
                    + cdn.getKeyPairId() + " (e.g. file:/run/secrets/cdn.pem), was " + cdn.getPrivateKey());
        }
        String pem;
        try (InputStream in = cdn.getPrivateKey().getInputStream()) {
            pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("galerly.cdn.private-key: cannot read " + cdn.getPrivateKey(), e);
        }
        return Settings.named("galerly.cdn", () -> CloudFrontSigner.builder()
                .keyPair(cdn.getKeyPairId(), SigningKey.fromPem(pem)).clock(clock).build());
    }
}
