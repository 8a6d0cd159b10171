/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.cdn;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.RSAKeyGenParameterSpec;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMEncryptorBuilder;
import org.bouncycastle.openssl.PKCS8Generator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.util.io.pem.PemObject;

/**
 * Key pairs generated once per test JVM (no private key is committed) and written as PEM in every form a user may
 * hold: PKCS#1, SEC1, PKCS#8, encrypted, public.
 */
final class TestKeys {
    static final KeyPair RSA_2048 = generateRsa(2048);
    /** Only to encrypt fixtures (OpenSSL's ciphers and KDF); an instance, never registered as a JVM provider. */
    private static final Provider BC = new BouncyCastleProvider();
    static final KeyPair EC_P256 = generateEc("secp256r1");

    private static KeyPair rsa1024;
    private static KeyPair ecP384;
    private static KeyPair rsa2048Second;

    private TestKeys() {
    }

    static synchronized KeyPair rsa1024() {
        return rsa1024 != null ? rsa1024 : (rsa1024 = generateRsa(1024));
    }

    static synchronized KeyPair ecP384() {
        return ecP384 != null ? ecP384 : (ecP384 = generateEc("secp384r1"));
    }

    static synchronized KeyPair rsa2048Second() {
        return rsa2048Second != null ? rsa2048Second : (rsa2048Second = generateRsa(2048));
    }

    static KeyPair of(KeyType type) {
        return type == KeyType.RSA_2048 ? RSA_2048 : EC_P256;
    }

    /**
     * {@code BEGIN RSA PRIVATE KEY} (PKCS#1) for RSA, {@code BEGIN EC PRIVATE KEY} (SEC1) for EC. The SEC1 form is
     * written as OpenSSL writes it (named curve and public key included): the JDK's own encoding of an EC key
     * omits both, and Bouncy Castle's writer would pass that on.
     */
    static String traditionalPem(KeyPair pair) {
        if (!(pair.getPrivate() instanceof ECPrivateKey ec)) {
            return pem(pair.getPrivate());
        }
        try {
            SubjectPublicKeyInfo spki = SubjectPublicKeyInfo.getInstance(pair.getPublic().getEncoded());
            ASN1ObjectIdentifier curve = ASN1ObjectIdentifier.getInstance(spki.getAlgorithm().getParameters());
            byte[] der = new org.bouncycastle.asn1.sec.ECPrivateKey(ec.getParams().getOrder().bitLength(), ec.getS(),
                    spki.getPublicKeyData(), curve).getEncoded();
            return pem(new PemObject("EC PRIVATE KEY", der));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code BEGIN PRIVATE KEY} (PKCS#8). */
    static String pkcs8Pem(KeyPair pair) {
        try {
            return pem(new JcaPKCS8Generator(pair.getPrivate(), null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code BEGIN ENCRYPTED PRIVATE KEY} (PKCS#8, AES-256-CBC). */
    static String encryptedPkcs8Pem(KeyPair pair) {
        try {
            return pem(new JcaPKCS8Generator(pair.getPrivate(),
                    new JceOpenSSLPKCS8EncryptorBuilder(PKCS8Generator.AES_256_CBC).setPassword("secret".toCharArray())
                            .setProvider(BC).setRandom(new SecureRandom()).build()));
        } catch (IOException | OperatorCreationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** OpenSSL's legacy {@code Proc-Type: 4,ENCRYPTED} PKCS#1/SEC1 form. */
    static String legacyEncryptedPem(KeyPair pair) {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(pair.getPrivate(), new JcePEMEncryptorBuilder("AES-128-CBC").setProvider(BC)
                    .build("secret".toCharArray()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    static String publicPem(KeyPair pair) {
        return pem(pair.getPublic());
    }

    static Path write(Path dir, String name, String pem) {
        try {
            return Files.writeString(dir.resolve(name), pem);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String pem(Object object) {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(object);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static KeyPair generateRsa(int bits) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(new RSAKeyGenParameterSpec(bits, RSAKeyGenParameterSpec.F4));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair generateEc(String curve) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec(curve));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
