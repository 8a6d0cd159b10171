/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.cdn;

import com.galerly.cdn.internal.CloudFrontBase64;
import com.galerly.cdn.internal.SignatureEngine;
import com.galerly.core.ErrorCode;
import com.galerly.core.GalerlyException;
import com.galerly.core.delivery.UrlSigner;
import com.galerly.core.spi.Checks;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Signs CloudFront URLs and cookies with canned or custom policies: the {@link UrlSigner} of Galerly's delivery
 * port. Canned-policy output is byte-identical to the AWS SDK for Java v2's {@code CloudFrontUtilities} for the
 * same inputs; RSA-2048 and ECDSA P-256 keys, SHA-1 (CloudFront's default) or SHA-256.
 *
 * <p>Immutable and thread-safe; keys are parsed and signature objects initialised once, so a signature costs one
 * private-key operation and no provider lookup. Time comes from the injected {@link Clock}.
 *
 * <ul>
 *   <li><b>Key rotation:</b> hold several key pairs; the active one is the pinned one
 *       ({@link Builder#activeKeyPair}) or else the one with the latest {@code activeFrom} not after now, so a
 *       new key can be deployed ahead and take over at a set time, after its public key is in the key group.</li>
 *   <li><b>Expiry rounding:</b> {@link Builder#expiryRounding} rounds every expiry up to a window, so the same URL
 *       signed twice in a window is the same string and browser and CDN caches can reuse it. Signatures are
 *       deterministic for both key types (ECDSA uses RFC 6979 nonces), so this holds for ECDSA keys too.</li>
 * </ul>
 *
 * <pre>{@code
 * CloudFrontSigner signer = CloudFrontSigner.builder()
 *     .keyPair("K2JCJMDEHXQW5F", SigningKey.fromPem(Path.of("private_key.pem")))
 *     .expiryRounding(Duration.ofMinutes(15))
 *     .clock(clock)
 *     .build();
 * String url = signer.sign("https://cdn.example.com/renditions/g/p_small.jpg?v=3", Duration.ofHours(1));
 * SignedCookies cookies = signer.cookies(Policy.custom("https://cdn.example.com/renditions/g/*",
 *     clock.instant().plus(Duration.ofHours(8))));
 * }</pre>
 */
public final class CloudFrontSigner implements UrlSigner {
    private static final Pattern KEY_PAIR_ID = Pattern.compile("[A-Za-z0-9_-]{1,128}");
    private static final Duration MAX_ROUNDING = Duration.ofDays(1);

    private final List<KeyPair> keyPairs;
    private final String pinned;
    private final HashAlgorithm hashAlgorithm;
    private final Duration expiryRounding;
    private final Clock clock;

    private CloudFrontSigner(Builder b) {
        List<KeyPair> pairs = new ArrayList<>(b.keyPairs.size());
        for (KeyPair pair : b.keyPairs) {
            pairs.add(pair.withEngine(SignatureEngine.create(pair.key.privateKey(), pair.key.type(),
                    b.hashAlgorithm)));
        }
        this.keyPairs = List.copyOf(pairs);
        this.pinned = b.pinned;
        this.hashAlgorithm = b.hashAlgorithm;
        this.expiryRounding = b.expiryRounding;
        this.clock = b.clock;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static CloudFrontSigner of(Consumer<Builder> settings) {
        Builder builder = builder();
        settings.accept(builder);
        return builder.build();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.keyPairs.addAll(keyPairs);
        b.pinned = pinned;
        b.hashAlgorithm = hashAlgorithm;
        b.expiryRounding = expiryRounding;
        b.clock = clock;
        return b;
    }

    /**
     * Signs one URL with a canned policy ({@code Expires}, {@code Signature}, {@code Key-Pair-Id} appended after
     * any query string).
     *
     * @throws GalerlyException {@code INVALID_ARGUMENT} when the URL cannot be signed or the expiry is not in
     *                          the future
     */
    @Override
    public String sign(String url, Instant expiresAt) {
        return signUrl(url, Policy.canned(url, expiresAt));
    }

    /**
     * Signs every URL with one wildcard custom policy over {@code scope}: a single signature shared by all of
     * them (each URL carries the policy, so any of them grants the whole scope until {@code expiresAt}).
     */
    @Override
    public List<String> signAll(String scope, List<String> urls, Instant expiresAt) {
        SignedPolicy shared = signPolicy(Policy.custom(scope, expiresAt));
        List<String> signed = new ArrayList<>(urls.size());
        for (String url : urls) {
            signed.add(shared.appendTo(url));
        }
        return signed;
    }

    /** Signs one URL with a canned policy valid for {@code validFor} from now (before rounding). */
    public String sign(String url, Duration validFor) {
        Checks.notNull(validFor, "validFor");
        return sign(url, clock.instant().plus(validFor));
    }

    /**
     * Signs a URL with a policy: canned (its resource must be the URL) or custom (its resource must match the
     * URL, and may differ from it, e.g. a wildcard).
     */
    public String signUrl(String url, Policy policy) {
        return signPolicy(policy).appendTo(url);
    }

    /** Signed cookies for a policy. */
    public SignedCookies cookies(Policy policy) {
        return signPolicy(policy).cookies();
    }

    /**
     * Signs a policy once, for reuse on many URLs or as cookies.
     *
     * @throws GalerlyException {@code INVALID_ARGUMENT} when the policy's expiry is not after now
     */
    public SignedPolicy signPolicy(Policy policy) {
        Checks.notNull(policy, "policy");
        Instant now = clock.instant();
        if (!policy.expiresAt().isAfter(now)) {
            throw GalerlyException.invalid("expiresAt " + policy.expiresAt() + " is not after the current time "
                    + now.truncatedTo(java.time.temporal.ChronoUnit.SECONDS) + ": the URL would never be valid");
        }
        Policy signed = rounded(policy);
        KeyPair pair = active(now);
        byte[] json = signed.toJson().getBytes(StandardCharsets.UTF_8);
        String signature = CloudFrontBase64.encode(pair.engine.sign(json));
        String encodedPolicy = signed instanceof CustomPolicy ? CloudFrontBase64.encode(json) : null;
        return new SignedPolicy(signed, pair.id, hashAlgorithm, signature, encodedPolicy, now);
    }

    /** The id of the key pair that signs now. */
    public String activeKeyPairId() {
        return active(clock.instant()).id;
    }

    /** Every key pair id this signer holds, in the order added. */
    public Set<String> keyPairIds() {
        Set<String> ids = new LinkedHashSet<>();
        keyPairs.forEach(pair -> ids.add(pair.id));
        return ids;
    }

    public HashAlgorithm hashAlgorithm() {
        return hashAlgorithm;
    }

    private Policy rounded(Policy policy) {
        if (expiryRounding == null) {
            return policy;
        }
        long window = expiryRounding.getSeconds();
        long expiry = policy.expiresAt().getEpochSecond();
        long up = Math.floorDiv(expiry + window - 1, window) * window;
        return up == expiry ? policy : policy.withExpiresAt(Instant.ofEpochSecond(up));
    }

    private KeyPair active(Instant now) {
        KeyPair best = null;
        for (KeyPair pair : keyPairs) {
            if (pinned != null) {
                if (pair.id.equals(pinned)) {
                    return pair;
                }
            } else if (!pair.activeFrom.isAfter(now) && (best == null || !pair.activeFrom.isBefore(best.activeFrom))) {
                best = pair;
            }
        }
        if (best == null) {
            throw new GalerlyException(ErrorCode.CONFIGURATION, "no key pair is active at " + now + " (key pairs "
                    + keyPairIds() + " all activate later)");
        }
        return best;
    }

    /** Key pair ids, types, the active one, the hash and rounding; never key material. */
    @Override
    public String toString() {
        String active;
        try {
            active = activeKeyPairId();
        } catch (GalerlyException none) {
            active = "none";
        }
        StringBuilder s = new StringBuilder("CloudFrontSigner[keyPairs=[");
        for (int i = 0; i < keyPairs.size(); i++) {
            KeyPair pair = keyPairs.get(i);
            s.append(i == 0 ? "" : ", ").append(pair.id).append(' ').append(pair.key.type())
                    .append(pair.activeFrom.equals(Instant.EPOCH) ? "" : " from " + pair.activeFrom);
        }
        return s.append("], active=").append(active).append(", hash=").append(hashAlgorithm)
                .append(expiryRounding == null ? "" : ", expiryRounding=" + expiryRounding).append(']').toString();
    }

    private static final class KeyPair {
        final String id;
        final SigningKey key;
        final Instant activeFrom;
        final SignatureEngine engine;

        KeyPair(String id, SigningKey key, Instant activeFrom, SignatureEngine engine) {
            this.id = id;
            this.key = key;
            this.activeFrom = activeFrom;
            this.engine = engine;
        }

        KeyPair withEngine(SignatureEngine engine) {
            return new KeyPair(id, key, activeFrom, engine);
        }
    }

    /** Builds a {@link CloudFrontSigner}; each setting is checked when set, the key pairs in {@link #build()}. */
    public static final class Builder {
        private final List<KeyPair> keyPairs = new ArrayList<>();
        private String pinned;
        private HashAlgorithm hashAlgorithm = HashAlgorithm.SHA1;
        private Duration expiryRounding;
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /** Adds a key pair active from the start: CloudFront's public key id and the matching private key. */
        public Builder keyPair(String keyPairId, SigningKey key) {
            return keyPair(keyPairId, key, Instant.EPOCH);
        }

        /**
         * Adds a key pair that becomes the active one at {@code activeFrom} (unless a later one is active, or a
         * key pair is pinned).
         */
        public Builder keyPair(String keyPairId, SigningKey key, Instant activeFrom) {
            Checks.notNull(keyPairId, "keyPairId");
            if (!KEY_PAIR_ID.matcher(keyPairId).matches()) {
                throw new IllegalArgumentException("keyPairId must be 1..128 characters of A-Z a-z 0-9 _ -, was "
                        + Checks.quote(keyPairId));
            }
            Checks.notNull(key, "key");
            Checks.notNull(activeFrom, "activeFrom");
            if (keyPairs.stream().anyMatch(pair -> pair.id.equals(keyPairId))) {
                throw new IllegalArgumentException("keyPairId " + keyPairId + " was added twice");
            }
            keyPairs.add(new KeyPair(keyPairId, key, activeFrom, null));
            return this;
        }

        /** Signs with this key pair regardless of activation times; null to go back to time-based choice. */
        public Builder activeKeyPair(String keyPairId) {
            this.pinned = keyPairId;
            return this;
        }

        /** SHA1 (default, CloudFront's default) or SHA256 (adds {@code Hash-Algorithm=SHA256}). */
        public Builder hashAlgorithm(HashAlgorithm hashAlgorithm) {
            this.hashAlgorithm = Checks.notNull(hashAlgorithm, "hashAlgorithm");
            return this;
        }

        /** Rounds every expiry up to a multiple of this window (whole seconds, 1 s to 1 day); null for none. */
        public Builder expiryRounding(Duration window) {
            if (window != null && (window.getNano() != 0 || window.getSeconds() < 1
                    || window.compareTo(MAX_ROUNDING) > 0)) {
                throw new IllegalArgumentException("expiryRounding must be whole seconds from PT1S to " + MAX_ROUNDING
                        + ", was " + window);
            }
            this.expiryRounding = window;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = Checks.notNull(clock, "clock");
            return this;
        }

        public CloudFrontSigner build() {
            if (keyPairs.isEmpty()) {
                throw new IllegalArgumentException("a CloudFrontSigner needs at least one keyPair");
            }
            if (pinned != null && keyPairs.stream().noneMatch(pair -> pair.id.equals(pinned))) {
                throw new IllegalArgumentException("activeKeyPair " + Checks.quote(pinned)
                        + " is not one of the key pairs " + keyPairs.stream().map(pair -> pair.id).toList());
            }
            return new CloudFrontSigner(this);
        }
    }
}
