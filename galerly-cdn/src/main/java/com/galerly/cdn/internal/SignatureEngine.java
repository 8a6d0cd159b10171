/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.cdn.internal;

import com.galerly.cdn.HashAlgorithm;
import com.galerly.cdn.KeyType;
import java.security.PrivateKey;
import java.security.interfaces.ECPrivateKey;

/**
 * Signs policy bytes with one key and one hash; thread-safe, set up once per key. Every engine is deterministic:
 * the same policy always gives the same signature, so a URL signed twice within an expiry-rounding window is the
 * same string (RSA PKCS#1 v1.5 is deterministic by design; ECDSA uses RFC 6979 nonces).
 */
public interface SignatureEngine {
    /** The DER (ECDSA) or PKCS#1 (RSA) signature of {@code data}. */
    byte[] sign(byte[] data);

    static SignatureEngine create(PrivateKey key, KeyType type, HashAlgorithm hash) {
        return type == KeyType.EC_P256
                ? new DeterministicEcdsa((ECPrivateKey) key, hash)
                : new JcaSignatureEngine(key, type.signatureAlgorithm(hash));
    }
}
