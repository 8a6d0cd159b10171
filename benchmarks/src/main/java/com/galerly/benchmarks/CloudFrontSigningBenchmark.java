/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.benchmarks;

import com.galerly.cdn.CloudFrontSigner;
import com.galerly.cdn.KeyType;
import com.galerly.cdn.Policy;
import com.galerly.cdn.SignedPolicy;
import com.galerly.cdn.SigningKey;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import software.amazon.awssdk.services.cloudfront.CloudFrontUtilities;

/**
 * CloudFront signing throughput, Galerly's {@link CloudFrontSigner} against the AWS SDK for Java v2's
 * {@code CloudFrontUtilities} in the same run (the implementation is an {@code enum} parameter, as in Caffeine's
 * benchmarks), for RSA-2048 and ECDSA P-256 keys:
 * <ul>
 *   <li>{@code cannedUrl}: one signed URL with a canned policy, the common per-photo case;</li>
 *   <li>{@code customPolicyUrl}: one signed URL with a wildcard custom policy;</li>
 *   <li>{@code galleryPageUrl}: URLs for a page of 100 photos, per URL. Galerly signs one wildcard policy per
 *       page and appends it; with the SDK each URL is signed on its own (it has no reusable signed policy).</li>
 * </ul>
 * Run: {@code java -jar benchmarks/target/benchmarks.jar CloudFrontSigning}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class CloudFrontSigningBenchmark {
    private static final String KEY_PAIR_ID = "K2JCJMDEHXQW5F";
    private static final String GALLERY = "https://d111111abcdef8.cloudfront.net/renditions/smith-wedding/";
    private static final int PAGE = 100;

    /** The implementations compared. */
    public enum Implementation { GALERLY, AWS_SDK }

    @Param
    public Implementation implementation;

    @Param
    public KeyType keyType;

    private PrivateKey privateKey;
    private CloudFrontSigner signer;
    private CloudFrontUtilities sdk;
    private Instant expiresAt;
    private String[] urls;
    private int next;

    @Setup
    public void setUp() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance(keyType == KeyType.RSA_2048 ? "RSA" : "EC");
        if (keyType == KeyType.RSA_2048) {
            generator.initialize(2048);
        } else {
            generator.initialize(new ECGenParameterSpec("secp256r1"));
        }
        KeyPair pair = generator.generateKeyPair();
        privateKey = pair.getPrivate();
        signer = CloudFrontSigner.builder().keyPair(KEY_PAIR_ID, SigningKey.of(privateKey)).build();
        sdk = CloudFrontUtilities.create();
        expiresAt = Instant.now().plus(Duration.ofDays(1));
        urls = new String[PAGE];
        for (int i = 0; i < PAGE; i++) {
            urls[i] = GALLERY + "01jd6v2k8m3q9x7c5t4r2n" + String.format("%04d", i) + "_small.jpg?v=3";
        }
    }

    private String nextUrl() {
        next = (next + 1) % PAGE;
        return urls[next];
    }

    @Benchmark
    public String cannedUrl() {
        String url = nextUrl();
        return switch (implementation) {
            case GALERLY -> signer.sign(url, expiresAt);
            case AWS_SDK -> sdk.getSignedUrlWithCannedPolicy(r -> r.resourceUrl(url).privateKey(privateKey)
                    .keyPairId(KEY_PAIR_ID).expirationDate(expiresAt)).url();
        };
    }

    @Benchmark
    public String customPolicyUrl() {
        String url = nextUrl();
        return switch (implementation) {
            case GALERLY -> signer.signUrl(url, Policy.custom(GALLERY + "*", expiresAt));
            case AWS_SDK -> sdk.getSignedUrlWithCustomPolicy(r -> r.resourceUrl(url).resourceUrlPattern(GALLERY + "*")
                    .privateKey(privateKey).keyPairId(KEY_PAIR_ID).expirationDate(expiresAt)).url();
        };
    }

    @Benchmark
    @OperationsPerInvocation(PAGE)
    public void galleryPageUrl(Blackhole out) {
        switch (implementation) {
            case GALERLY -> {
                SignedPolicy page = signer.signPolicy(Policy.custom(GALLERY + "*", expiresAt));
                for (String url : urls) {
                    out.consume(page.appendTo(url));
                }
            }
            case AWS_SDK -> {
                for (String url : urls) {
                    out.consume(sdk.getSignedUrlWithCannedPolicy(r -> r.resourceUrl(url).privateKey(privateKey)
                            .keyPairId(KEY_PAIR_ID).expirationDate(expiresAt)).url());
                }
            }
        }
    }
}
