/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.cdn.internal;

import com.galerly.cdn.HashAlgorithm;
import com.galerly.core.ErrorCode;
import com.galerly.core.GalerlyException;
import java.io.IOException;
import java.math.BigInteger;
import java.security.interfaces.ECPrivateKey;
import java.util.function.Supplier;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.digests.SHA1Digest;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;

/**
 * ECDSA P-256 with deterministic nonces (RFC 6979), DER-encoded as {@code SHA1withECDSA}/{@code SHA256withECDSA}
 * produce it, on Bouncy Castle's lightweight API (no JCA provider involved). A verifier cannot tell these
 * signatures from randomised ones, but the same policy always gives the same signature: signed URLs stay
 * identical within an expiry-rounding window, so caches can reuse them, and signing never depends on the quality
 * of a random source.
 */
final class DeterministicEcdsa implements SignatureEngine {
    private static final ECDomainParameters P256 = new ECDomainParameters(CustomNamedCurves.getByName("P-256"));

    private final ECPrivateKeyParameters key;
    private final Supplier<Digest> digests;

    DeterministicEcdsa(ECPrivateKey key, HashAlgorithm hash) {
        this(key.getS(), hash);
    }

    DeterministicEcdsa(BigInteger d, HashAlgorithm hash) {
        this.key = new ECPrivateKeyParameters(d, P256);
        this.digests = hash == HashAlgorithm.SHA256 ? SHA256Digest::new : SHA1Digest::new;
    }

    @Override
    public byte[] sign(byte[] data) {
        Digest digest = digests.get();
        digest.update(data, 0, data.length);
        byte[] hash = new byte[digest.getDigestSize()];
        digest.doFinal(hash, 0);
        // RFC 6979 derives the nonce with HMAC over the same hash as the message
        ECDSASigner signer = new ECDSASigner(new HMacDSAKCalculator(digests.get()));
        signer.init(true, key);
        BigInteger[] rs = signer.generateSignature(hash);
        try {
            return new DERSequence(new ASN1Integer[] {new ASN1Integer(rs[0]), new ASN1Integer(rs[1])})
                    .getEncoded(ASN1Encoding.DER);
        } catch (IOException e) {
            throw new GalerlyException(ErrorCode.INTERNAL, "cannot DER-encode an ECDSA signature", e);
        }
    }
}
