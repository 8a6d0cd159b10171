/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.testkit.s3;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.gaul.s3proxy.BlobStores;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Runs S3Proxy, a real S3-compatible server that checks SigV4 signatures (headers, presigned URLs and POST
 * policies), in the test JVM on a free loopback port, with an in-memory store and the buckets you name.
 * No Docker, nothing to install: add {@code org.gaul:s3proxy} (an optional dependency of galerly-testkit) to
 * your test dependencies.
 *
 * <p>Register it on a {@code static} field to start it once per test class, {@code @Nested} classes included
 * (about a second cold); on an instance field it starts and stops around every test. {@link Builder#emptyBucketsBeforeEach()} isolates
 * tests that share one server.
 *
 * {@snippet :
 * class GalleryUploadTest {
 *     @RegisterExtension
 *     static final S3ProxyExtension S3 = S3ProxyExtension.builder().bucket("photos").emptyBucketsBeforeEach().build();
 *
 *     @Test
 *     void uploads() {
 *         S3Client s3 = S3.client();                        // path style, aimed at the server, signed
 *         URI endpoint = S3.endpoint();                     // http://127.0.0.1:PORT
 *         AwsCredentialsProvider credentials = S3.credentialsProvider();
 *         ...
 *     }
 * }
 * }
 *
 * <p>S3Proxy logs through SLF4J; with logback on the classpath and no configuration it logs every request at
 * DEBUG, so give your tests a {@code logback-test.xml} at WARN.
 */
public final class S3ProxyExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback,
        AfterEachCallback {
    /** The access key used unless {@link Builder#credentials(String, String)} says otherwise. */
    public static final String DEFAULT_ACCESS_KEY = "AKIAGALERLYTESTKEY01";
    /** The secret key used unless {@link Builder#credentials(String, String)} says otherwise. */
    public static final String DEFAULT_SECRET_KEY = "galerly/test/secret/key/0123456789abcdefgh";

    private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
    private static final long START_TIMEOUT_MILLIS = 30_000;

    private final List<String> buckets;
    private final String accessKey;
    private final String secretKey;
    private final Region region;
    private final boolean emptyBeforeEach;
    private final List<String> corsOrigins;

    private S3Proxy proxy;
    private BlobStore store;
    private URI endpoint;
    private S3Client client;
    /** Class containers open (the test class, then its @Nested classes, which inherit the extension). */
    private int classDepth;

    private S3ProxyExtension(Builder b) {
        this.buckets = List.copyOf(b.buckets);
        this.accessKey = b.accessKey;
        this.secretKey = b.secretKey;
        this.region = b.region;
        this.emptyBeforeEach = b.emptyBeforeEach;
        this.corsOrigins = List.copyOf(b.corsOrigins);
    }

    /** A server with one bucket, {@code test-bucket}, and the default credentials. */
    public static S3ProxyExtension create() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public static S3ProxyExtension of(Consumer<Builder> settings) {
        Builder builder = builder();
        settings.accept(builder);
        return builder.build();
    }

    @Override
    public synchronized void beforeAll(ExtensionContext context) throws Exception {
        if (classDepth++ == 0) {
            start();
        }
    }

    @Override
    public synchronized void afterAll(ExtensionContext context) throws Exception {
        if (--classDepth == 0) {
            stop();
        }
    }

    @Override
    public synchronized void beforeEach(ExtensionContext context) throws Exception {
        if (proxy == null) {
            start();
        } else if (emptyBeforeEach) {
            buckets.forEach(this::emptyBucket);
        }
    }

    @Override
    public synchronized void afterEach(ExtensionContext context) throws Exception {
        if (classDepth == 0) {
            stop();
        }
    }

    /** Starts the server (the JUnit callbacks call this); a no-op when running. */
    public synchronized void start() throws Exception {
        if (proxy != null) {
            return;
        }
        store = BlobStores.create("transient", new Properties());
        S3Proxy.Builder settings = S3Proxy.builder()
                .blobStore(store)
                .endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V4, accessKey, secretKey);
        if (!corsOrigins.isEmpty()) {
            // like a bucket CORS rule: browser uploads (presigned POST/PUT) from these origins, ETag readable
            settings.corsRules(new org.gaul.s3proxy.CrossOriginResourceSharing(
                    corsOrigins.stream().map(Pattern::quote).toList(), List.of("GET", "HEAD", "PUT", "POST"),
                    List.of("*"), List.of("ETag"), "false"));
        }
        S3Proxy server = settings.build();
        server.start();
        long deadline = System.currentTimeMillis() + START_TIMEOUT_MILLIS;
        while (!"STARTED".equals(server.getState())) {
            if (System.currentTimeMillis() > deadline) {
                server.stop();
                throw new IllegalStateException("S3Proxy did not start within " + START_TIMEOUT_MILLIS + " ms, state "
                        + server.getState());
            }
            Thread.sleep(5);
        }
        proxy = server;
        endpoint = URI.create("http://127.0.0.1:" + server.getPort());
        buckets.forEach(this::createBucket);
    }

    /** Stops the server and forgets every object. */
    public synchronized void stop() throws Exception {
        if (client != null) {
            client.close();
            client = null;
        }
        if (proxy != null) {
            try {
                proxy.stop();
            } finally {
                proxy = null;
                store.close();
                store = null;
            }
        }
    }

    /** {@code http://127.0.0.1:PORT}. */
    public URI endpoint() {
        requireRunning();
        return endpoint;
    }

    /** The first bucket named in the builder. */
    public String bucket() {
        return buckets.get(0);
    }

    /** Every bucket the server was started with. */
    public List<String> buckets() {
        return buckets;
    }

    public String accessKey() {
        return accessKey;
    }

    public String secretKey() {
        return secretKey;
    }

    /** The region clients sign for (S3Proxy accepts any). */
    public Region region() {
        return region;
    }

    /** The server's credentials, for clients and signers under test. */
    public AwsCredentialsProvider credentialsProvider() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey));
    }

    /** A client aimed at the server, path style, signed with the server's credentials; closed on stop. */
    public synchronized S3Client client() {
        requireRunning();
        if (client == null) {
            client = S3Client.builder()
                    .endpointOverride(endpoint)
                    .region(region)
                    .credentialsProvider(credentialsProvider())
                    .forcePathStyle(true)
                    .build();
        }
        return client;
    }

    /** Creates another bucket on the running server. */
    public void createBucket(String name) {
        requireRunning();
        store.createContainer(checkBucket(name));
    }

    /** Deletes every object in the bucket (the bucket stays). */
    public void emptyBucket(String name) {
        requireRunning();
        store.deleteContainer(checkBucket(name));
        store.createContainer(name);
    }

    private void requireRunning() {
        if (proxy == null) {
            throw new IllegalStateException("S3Proxy is not running: register the extension with @RegisterExtension");
        }
    }

    private static String checkBucket(String name) {
        Objects.requireNonNull(name, "bucket must not be null");
        if (!BUCKET.matcher(name).matches()) {
            throw new IllegalArgumentException("bucket must be 3..63 characters of a-z 0-9 . -, was \"" + name + "\"");
        }
        return name;
    }

    @Override
    public String toString() {
        return "S3ProxyExtension[" + (proxy == null ? "stopped" : endpoint) + ", buckets=" + buckets + "]";
    }

    /** Builds an {@link S3ProxyExtension}; each setting is checked when set. */
    public static final class Builder {
        private final Set<String> buckets = new LinkedHashSet<>();
        private String accessKey = DEFAULT_ACCESS_KEY;
        private String secretKey = DEFAULT_SECRET_KEY;
        private Region region = Region.US_EAST_1;
        private boolean emptyBeforeEach;
        private final List<String> corsOrigins = new ArrayList<>();

        private Builder() {
        }

        /**
         * A web origin ({@code http://127.0.0.1:8080}) allowed to upload from a browser, as a bucket CORS rule
         * would allow it (GET, HEAD, PUT, POST; any request header; {@code ETag} exposed). Call again for more.
         */
        public Builder corsOrigin(String origin) {
            if (origin == null || !origin.matches("https?://[^/]+")) {
                throw new IllegalArgumentException("corsOrigin must be scheme://host[:port] without a path, was " + origin);
            }
            corsOrigins.add(origin);
            return this;
        }

        /** A bucket to create at start; call again for more. Default: {@code test-bucket}. */
        public Builder bucket(String name) {
            buckets.add(checkBucket(name));
            return this;
        }

        /** The key pair the server accepts (and {@link #credentialsProvider()} returns). */
        public Builder credentials(String accessKey, String secretKey) {
            if (accessKey == null || accessKey.isBlank() || secretKey == null || secretKey.isBlank()) {
                throw new IllegalArgumentException("accessKey and secretKey must not be blank");
            }
            this.accessKey = accessKey;
            this.secretKey = secretKey;
            return this;
        }

        public Builder region(Region region) {
            this.region = Objects.requireNonNull(region, "region must not be null");
            return this;
        }

        /** Empties every bucket before each test, so tests sharing a class-wide server start clean. */
        public Builder emptyBucketsBeforeEach() {
            this.emptyBeforeEach = true;
            return this;
        }

        public S3ProxyExtension build() {
            Builder b = this;
            if (buckets.isEmpty()) {
                b = copy().bucket("test-bucket");
            }
            return new S3ProxyExtension(b);
        }

        private Builder copy() {
            Builder b = new Builder();
            b.buckets.addAll(new ArrayList<>(buckets));
            b.accessKey = accessKey;
            b.secretKey = secretKey;
            b.region = region;
            b.emptyBeforeEach = emptyBeforeEach;
            b.corsOrigins.addAll(corsOrigins);
            return b;
        }
    }
}
