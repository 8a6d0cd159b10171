/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.cli.demo;

import com.adobe.testing.s3mock.S3MockApplication;
import java.net.InetAddress;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * A versioned S3 stand-in for {@code galerly demo --lifecycle}: Adobe S3Mock (Apache-2.0), a Spring Boot
 * application, started in this JVM on loopback ports and stopped with the demo. Unlike S3Proxy (the other demos'
 * stand-in, which checks SigV4 but has no object versioning, its issue #74) it keeps every version of an object and
 * answers {@code ListObjectVersions}, delete markers included, so an erasure can be shown to leave nothing. It
 * checks no signature (the CloudFront side is still checked, by the local CloudFront stand-in).
 *
 * <p>Started only for {@code --lifecycle}: Spring Boot costs about two seconds and its classes are loaded only then.
 */
final class VersionedS3 implements AutoCloseable {
    private static final Region REGION = Region.US_EAST_1;

    private final S3MockApplication app;
    private final URI endpoint;

    private VersionedS3(S3MockApplication app) {
        this.app = app;
        this.endpoint = URI.create("http://127.0.0.1:" + app.getHttpPort());
    }

    /** Starts S3Mock on free loopback ports (HTTP for the clients, HTTPS unused), quiet, without a banner. */
    static VersionedS3 start() {
        Map<String, Object> properties = new HashMap<>();
        properties.put(S3MockApplication.PROP_HTTP_PORT, 0);
        properties.put(S3MockApplication.PROP_HTTPS_PORT, 0);
        properties.put(S3MockApplication.PROP_SILENT, true);
        properties.put("server.address", "127.0.0.1");
        // S3Mock adds its HTTP connector without an address (all interfaces): bind it to loopback too
        properties.put("spring.main.sources", LoopbackOnly.class.getName());
        properties.put("spring.main.register-shutdown-hook", false);
        return new VersionedS3(S3MockApplication.start(properties));
    }

    URI endpoint() {
        return endpoint;
    }

    Region region() {
        return REGION;
    }

    /** S3Mock accepts any credentials; the clients sign with these. */
    AwsCredentialsProvider credentialsProvider() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create("galerly-demo", "galerly-demo-secret"));
    }

    @Override
    public void close() {
        app.stop();
    }

    /** Binds every Tomcat connector of S3Mock to the loopback interface (registered through spring.main.sources). */
    public static final class LoopbackOnly implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {
        @Override
        public void customize(TomcatServletWebServerFactory factory) {
            factory.setAddress(InetAddress.getLoopbackAddress());
            factory.getAdditionalTomcatConnectors().forEach(c -> c.setProperty("address", "127.0.0.1"));
        }
    }
}
