/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.examples.lambda;

import com.galerly.core.ErrorCode;
import com.galerly.core.GalerlyException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;
import software.amazon.awssdk.services.secretsmanager.model.SecretsManagerException;

/**
 * Secrets Manager values, fetched on first use and kept for a time to live, so a warm function calls
 * Secrets Manager about once per TTL instead of once per request, and a rotated secret is picked up within a
 * TTL without a redeploy. Nothing secret goes through the function's configuration (environment variables
 * are readable by anyone with {@code lambda:GetFunctionConfiguration}); only the secret's ARN does.
 *
 * <p>When a refresh fails but a value is cached, the cached value is served (an outage of Secrets Manager
 * does not take the API down); a secret never fetched fails with {@code CONFIGURATION} (missing or not
 * allowed) or {@code IO_ERROR} (retryable).
 *
 * <pre>{@code
 * SecretCache secrets = new SecretCache(SecretsManagerClient.create(), Duration.ofMinutes(15), Clock.systemUTC());
 * String pem = secrets.get(System.getenv("GALERLY_CF_PRIVATE_KEY_SECRET_ARN"));
 * }</pre>
 */
public final class SecretCache {
    private final SecretsManagerClient client;
    private final Duration ttl;
    private final Clock clock;
    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();

    private record Entry(String value, Instant fetchedAt) {
    }

    public SecretCache(SecretsManagerClient client, Duration ttl, Clock clock) {
        this.client = Objects.requireNonNull(client, "client");
        this.ttl = Objects.requireNonNull(ttl, "ttl");
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("ttl must be positive, was " + ttl);
        }
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The secret's current string value (SecretString), from the cache while younger than the TTL. */
    public String get(String secretId) {
        if (secretId == null || secretId.isBlank()) {
            throw new GalerlyException(ErrorCode.CONFIGURATION, "no secret id given");
        }
        Instant now = clock.instant();
        Entry cached = entries.get(secretId);
        if (cached != null && now.isBefore(cached.fetchedAt().plus(ttl))) {
            return cached.value();
        }
        // one fetch per secret at a time; concurrent callers of the same secret wait for it
        return entries.compute(secretId, (id, current) -> {
            if (current != null && now.isBefore(current.fetchedAt().plus(ttl))) {
                return current;
            }
            try {
                return new Entry(fetch(id), clock.instant());
            } catch (GalerlyException e) {
                if (current != null && e.retryable()) {
                    return current;      // keep serving the last good value through a transient outage
                }
                throw e;
            }
        }).value();
    }

    /** Forgets every cached value: the next {@link #get} fetches again. */
    public void invalidate() {
        entries.clear();
    }

    private String fetch(String secretId) {
        try {
            GetSecretValueResponse response = client.getSecretValue(r -> r.secretId(secretId));
            if (response.secretString() == null) {
                throw new GalerlyException(ErrorCode.CONFIGURATION,
                        "secret " + secretId + " has no SecretString (store the value as text, not binary)");
            }
            return response.secretString();
        } catch (ResourceNotFoundException e) {
            throw new GalerlyException(ErrorCode.CONFIGURATION, "secret " + secretId + " does not exist", e);
        } catch (SecretsManagerException e) {
            int status = e.statusCode();
            if (status == 400 || status == 403) {
                // AccessDeniedException, DecryptionFailure, InvalidRequest: the deployment is wrong, not the network
                throw new GalerlyException(ErrorCode.CONFIGURATION, "secret " + secretId + " cannot be read: "
                        + e.awsErrorDetails().errorCode(), e);
            }
            throw new GalerlyException(ErrorCode.IO_ERROR, "reading secret " + secretId + " failed: " + e.getMessage(), e);
        } catch (SdkException e) {
            throw new GalerlyException(ErrorCode.IO_ERROR, "reading secret " + secretId + " failed: " + e.getMessage(), e);
        }
    }
}
