/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.cdn.internal;

import com.galerly.core.ErrorCode;
import com.galerly.core.GalerlyException;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.Signature;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Signs bytes with one private key and one JCA algorithm (used for RSA, whose PKCS#1 v1.5 signatures are
 * deterministic), thread-safely and without a provider lookup per call:
 * the provider is resolved once, and initialised {@link Signature} objects are pooled (a {@code Signature}
 * returns to its initialised state after {@code sign()}, so it can be reused; it is not thread-safe, so each call
 * borrows one). The pool grows to the peak number of concurrent callers and no further.
 */
final class JcaSignatureEngine implements SignatureEngine {
    private final PrivateKey key;
    private final String algorithm;
    private final Provider provider;
    private final ConcurrentLinkedQueue<Signature> idle = new ConcurrentLinkedQueue<>();

    JcaSignatureEngine(PrivateKey key, String algorithm) {
        this.key = key;
        this.algorithm = algorithm;
        try {
            Signature first = Signature.getInstance(algorithm);
            first.initSign(key);
            this.provider = first.getProvider();
            idle.add(first);
        } catch (GeneralSecurityException e) {
            throw new GalerlyException(ErrorCode.CONFIGURATION,
                    "this JVM cannot sign with " + algorithm + " using the given key (" + e.getClass().getSimpleName()
                            + ")", e);
        }
    }

    @Override
    public byte[] sign(byte[] data) {
        Signature signature = idle.poll();
        try {
            if (signature == null) {
                signature = Signature.getInstance(algorithm, provider);
                signature.initSign(key);
            }
            signature.update(data);
            byte[] result = signature.sign();
            idle.offer(signature);
            return result;
        } catch (GeneralSecurityException e) {
            // the failed Signature is dropped, not returned to the pool: its state is unknown
            throw new GalerlyException(ErrorCode.INTERNAL, algorithm + " signing failed ("
                    + e.getClass().getSimpleName() + ")", e);
        }
    }
}
