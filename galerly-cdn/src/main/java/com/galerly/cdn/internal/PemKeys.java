/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.cdn.internal;

import com.galerly.cdn.KeyType;
import com.galerly.core.GalerlyException;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.nist.NISTNamedCurves;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

/**
 * Reads PEM private keys (PKCS#1 {@code RSA PRIVATE KEY}, SEC1 {@code EC PRIVATE KEY}, PKCS#8 {@code PRIVATE KEY})
 * with Bouncy Castle's parser into the JDK's own key classes, so signing runs on the JDK providers and no
 * security provider is registered. Decides the {@link KeyType} and refuses what CloudFront would refuse.
 *
 * <p>Messages name the source (a file name or "PEM text") and what was found, never any key material.
 */
public final class PemKeys {
    private static final Pattern BEGIN = Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----");
    private static final Pattern ONE_LINE = Pattern.compile("(-----BEGIN ([A-Z0-9 ]+)-----)(.*?)(-----END \\2-----)");
    private static final String ACCEPTED = "CloudFront accepts RSA-2048 and ECDSA P-256 keys only";
    private static final ECParameterSpec P256 = p256();
    private static final X9ECParameters P256_X9 = ECNamedCurveTable.getByName("P-256");

    private PemKeys() {
    }

    /** A key as loaded: the JDK private key, its type, and its public key when it can be derived (else null). */
    public record LoadedKey(PrivateKey privateKey, KeyType type, PublicKey publicKey) {
    }

    public static LoadedKey fromPem(String text, String source) {
        String pem = normalise(text);
        List<String> labels = labels(pem);
        if (labels.isEmpty()) {
            throw invalid(source, "no PEM block found (expected -----BEGIN RSA PRIVATE KEY-----, "
                    + "-----BEGIN EC PRIVATE KEY----- or -----BEGIN PRIVATE KEY-----)");
        }
        if (labels.contains("OPENSSH PRIVATE KEY")) {
            throw invalid(source, "is in OpenSSH format, which CloudFront tools do not read; convert it with "
                    + "'ssh-keygen -p -m PEM -f FILE' or 'openssl pkey -in FILE -out key.pem'");
        }
        if (pem.contains("Proc-Type: 4,ENCRYPTED")) {
            throw encrypted(source);
        }
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            for (Object object = parser.readObject(); object != null; object = parser.readObject()) {
                if (object instanceof ASN1ObjectIdentifier || object instanceof X9ECParameters) {
                    continue; // an "EC PARAMETERS" block written by 'openssl ecparam -genkey' before the key
                }
                if (object instanceof PEMKeyPair pair) {
                    return fromInfo(pair.getPrivateKeyInfo(), source);
                }
                if (object instanceof PrivateKeyInfo info) {
                    return fromInfo(info, source);
                }
                if (object instanceof PEMEncryptedKeyPair || object instanceof PKCS8EncryptedPrivateKeyInfo) {
                    throw encrypted(source);
                }
                if (object instanceof SubjectPublicKeyInfo || object instanceof X509CertificateHolder) {
                    throw invalid(source, "holds a " + (object instanceof SubjectPublicKeyInfo ? "public key"
                            : "certificate") + ", not a private key (CloudFront keeps the public key; sign with the "
                            + "private key)");
                }
                throw invalid(source, "holds a PEM " + labels + " object, not a private key");
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof GalerlyException g) {
                throw g;
            }
            // the parser's message may quote the offending object; report only what kind of failure it was
            throw new GalerlyException(com.galerly.core.ErrorCode.INVALID_ARGUMENT,
                    "private key " + source + " is not a readable PEM key " + labels + " (" + e.getClass().getSimpleName()
                            + ")", e);
        }
        throw invalid(source, "holds no private key, only " + labels);
    }

    /** Checks a JDK private key and derives its public key. */
    public static LoadedKey fromPrivateKey(PrivateKey key, String source) {
        KeyType type = classify(key, source);
        return new LoadedKey(key, type, publicKeyOf(key, type));
    }

    private static LoadedKey fromInfo(PrivateKeyInfo info, String source) {
        ASN1ObjectIdentifier algorithm = info.getPrivateKeyAlgorithm().getAlgorithm();
        if (algorithm.equals(X9ObjectIdentifiers.id_ecPublicKey)) {
            ASN1Encodable parameters = info.getPrivateKeyAlgorithm().getParameters();
            if (parameters == null || parameters instanceof org.bouncycastle.asn1.ASN1Null) {
                throw invalid(source, "is an EC key that does not name its curve; " + ACCEPTED
                        + " (rewrite it with 'openssl pkey -in FILE -out key.pem')");
            }
            if (!(parameters instanceof ASN1ObjectIdentifier curve)) {
                throw invalid(source, "is an EC key with explicit curve parameters; " + ACCEPTED
                        + " (write it with a named curve: 'openssl ec -param_enc named_curve')");
            }
            if (!curve.equals(SECObjectIdentifiers.secp256r1)) {
                throw invalid(source, "is an EC key on " + curveName(curve) + "; " + ACCEPTED);
            }
        } else if (!algorithm.equals(PKCSObjectIdentifiers.rsaEncryption)) {
            throw invalid(source, "is a " + algorithmName(algorithm) + " key; " + ACCEPTED);
        }
        PrivateKey key;
        try {
            key = new JcaPEMKeyConverter().getPrivateKey(info);
        } catch (IOException e) {
            throw new GalerlyException(com.galerly.core.ErrorCode.INVALID_ARGUMENT,
                    "private key " + source + " is malformed (" + e.getClass().getSimpleName() + ")", e);
        }
        return fromPrivateKey(key, source);
    }

    private static KeyType classify(PrivateKey key, String source) {
        if (key instanceof RSAPrivateKey rsa) {
            int bits = rsa.getModulus().bitLength();
            if (bits != 2048) {
                throw invalid(source, "is an RSA-" + bits + " key; " + ACCEPTED);
            }
            return KeyType.RSA_2048;
        }
        if (key instanceof ECPrivateKey ec) {
            if (!sameCurve(ec.getParams(), P256)) {
                throw invalid(source, "is an EC key on a " + ec.getParams().getCurve().getField().getFieldSize()
                        + "-bit curve that is not P-256; " + ACCEPTED);
            }
            return KeyType.EC_P256;
        }
        throw invalid(source, "is a " + (key == null ? "null" : key.getAlgorithm()) + " key of class "
                + (key == null ? "-" : key.getClass().getSimpleName())
                + "; " + ACCEPTED + " (as java.security.interfaces.RSAPrivateKey or ECPrivateKey)");
    }

    private static PublicKey publicKeyOf(PrivateKey key, KeyType type) {
        try {
            if (type == KeyType.RSA_2048) {
                if (!(key instanceof RSAPrivateCrtKey crt)) {
                    return null; // without the public exponent there is nothing to derive from
                }
                return KeyFactory.getInstance("RSA")
                        .generatePublic(new RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent()));
            }
            BigInteger d = ((ECPrivateKey) key).getS();
            org.bouncycastle.math.ec.ECPoint q = new FixedPointCombMultiplier().multiply(P256_X9.getG(), d).normalize();
            java.security.spec.ECPoint w = new java.security.spec.ECPoint(q.getAffineXCoord().toBigInteger(),
                    q.getAffineYCoord().toBigInteger());
            return KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(w, P256));
        } catch (GeneralSecurityException e) {
            return null;
        }
    }

    private static boolean sameCurve(ECParameterSpec a, ECParameterSpec b) {
        return a.getCurve().equals(b.getCurve()) && a.getGenerator().equals(b.getGenerator())
                && a.getOrder().equals(b.getOrder()) && a.getCofactor() == b.getCofactor();
    }

    private static String curveName(ASN1ObjectIdentifier curve) {
        String name = NISTNamedCurves.getName(curve);
        if (name == null) {
            name = ECNamedCurveTable.getName(curve);
        }
        return name != null ? name : "curve " + curve.getId();
    }

    private static String algorithmName(ASN1ObjectIdentifier algorithm) {
        if (algorithm.equals(EdECObjectIdentifiers.id_Ed25519)) {
            return "Ed25519";
        }
        if (algorithm.equals(EdECObjectIdentifiers.id_Ed448)) {
            return "Ed448";
        }
        if (algorithm.equals(X9ObjectIdentifiers.id_dsa)) {
            return "DSA";
        }
        return "algorithm " + algorithm.getId();
    }

    /**
     * Accepts PEM as stored in secrets and environment variables: with literal {@code \n} escapes, or collapsed
     * onto one line with spaces.
     */
    static String normalise(String text) {
        String pem = text.strip();
        if (pem.indexOf('\n') < 0 && pem.contains("\\n")) {
            pem = pem.replace("\\r\\n", "\n").replace("\\n", "\n");
        }
        if (pem.indexOf('\n') >= 0) {
            return pem;
        }
        Matcher m = ONE_LINE.matcher(pem);
        StringBuilder out = new StringBuilder(pem.length() + 64);
        while (m.find()) {
            String body = m.group(3).replaceAll("\\s+", "");
            out.append(m.group(1)).append('\n');
            for (int i = 0; i < body.length(); i += 64) {
                out.append(body, i, Math.min(body.length(), i + 64)).append('\n');
            }
            out.append(m.group(4)).append('\n');
        }
        return out.length() > 0 ? out.toString() : pem;
    }

    private static List<String> labels(String pem) {
        List<String> labels = new ArrayList<>();
        Matcher m = BEGIN.matcher(pem);
        while (m.find()) {
            labels.add(m.group(1));
        }
        return labels;
    }

    private static ECParameterSpec p256() {
        try {
            AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
            parameters.init(new ECGenParameterSpec("secp256r1"));
            return parameters.getParameterSpec(ECParameterSpec.class);
        } catch (GeneralSecurityException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private static GalerlyException encrypted(String source) {
        return invalid(source, "is encrypted; decrypt it first (e.g. 'openssl pkey -in FILE -out key.pem'), "
                + "or load it yourself and pass the PrivateKey");
    }

    private static GalerlyException invalid(String source, String problem) {
        return GalerlyException.invalid("private key " + source + " " + problem);
    }
}
