/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.cdn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.galerly.core.ErrorCode;
import com.galerly.core.GalerlyException;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.interfaces.RSAPrivateCrtKey;
import java.util.Base64;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class SigningKeyTest {

    static Stream<Arguments> pemForms() {
        return Stream.of(
                Arguments.of(KeyType.RSA_2048, "BEGIN RSA PRIVATE KEY", TestKeys.traditionalPem(TestKeys.RSA_2048)),
                Arguments.of(KeyType.RSA_2048, "BEGIN PRIVATE KEY", TestKeys.pkcs8Pem(TestKeys.RSA_2048)),
                Arguments.of(KeyType.EC_P256, "BEGIN EC PRIVATE KEY", TestKeys.traditionalPem(TestKeys.EC_P256)),
                Arguments.of(KeyType.EC_P256, "BEGIN PRIVATE KEY", TestKeys.pkcs8Pem(TestKeys.EC_P256)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("pemForms")
    void loadsEveryPemFormAndDetectsTheType(KeyType type, String header, String pem, @TempDir Path dir) {
        assertTrue(pem.contains(header), pem.lines().findFirst().orElse(""));
        KeyPair pair = TestKeys.of(type);
        for (SigningKey key : new SigningKey[] {SigningKey.fromPem(pem),
                SigningKey.fromPem(TestKeys.write(dir, "key.pem", pem))}) {
            assertEquals(type, key.type());
            assertEquals(pair.getPublic(), key.publicKey().orElseThrow(), "public key derived from the private key");
            assertEquals(SigningKey.of(pair.getPrivate()), key);
        }
    }

    @Test
    void acceptsPemAsSecretsAndEnvironmentVariablesHoldIt() {
        String pem = TestKeys.pkcs8Pem(TestKeys.EC_P256);
        String escaped = pem.replace("\n", "\\n");
        String oneLine = pem.replace("\n", " ");
        String withParameters = "-----BEGIN EC PARAMETERS-----\nBggqhkjOPQMBBw==\n-----END EC PARAMETERS-----\n"
                + TestKeys.traditionalPem(TestKeys.EC_P256);
        for (String form : new String[] {escaped, oneLine, "\n\n  " + pem + "  \n", withParameters}) {
            assertEquals(KeyType.EC_P256, SigningKey.fromPem(form).type());
        }
    }

    @Test
    void publicKeyPemIsWhatCloudFrontTakesAndRoundTrips() {
        SigningKey key = SigningKey.fromPem(TestKeys.traditionalPem(TestKeys.RSA_2048));
        String pem = key.publicKeyPem().orElseThrow();
        assertTrue(pem.startsWith("-----BEGIN PUBLIC KEY-----\n") && pem.endsWith("-----END PUBLIC KEY-----\n"), pem);
        String body = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        assertEquals(Base64.getEncoder().encodeToString(TestKeys.RSA_2048.getPublic().getEncoded()), body);
    }

    static Stream<Arguments> refusedKeys() {
        return Stream.of(
                Arguments.of("RSA-1024", (Supplier<String>) () -> TestKeys.traditionalPem(TestKeys.rsa1024()), "RSA-1024"),
                Arguments.of("P-384 SEC1", (Supplier<String>) () -> TestKeys.traditionalPem(TestKeys.ecP384()), "P-384"),
                Arguments.of("P-384 PKCS#8", (Supplier<String>) () -> TestKeys.pkcs8Pem(TestKeys.ecP384()), "P-384"),
                Arguments.of("encrypted PKCS#8", (Supplier<String>) () -> TestKeys.encryptedPkcs8Pem(TestKeys.RSA_2048),
                        "encrypted"),
                Arguments.of("legacy encrypted", (Supplier<String>) () -> TestKeys.legacyEncryptedPem(TestKeys.EC_P256),
                        "encrypted"),
                Arguments.of("public key", (Supplier<String>) () -> TestKeys.publicPem(TestKeys.RSA_2048), "public key"),
                Arguments.of("not PEM", (Supplier<String>) () -> "hello world", "no PEM block"),
                Arguments.of("empty", (Supplier<String>) () -> "", "no PEM block"),
                Arguments.of("OpenSSH", (Supplier<String>) () -> "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjE=\n"
                        + "-----END OPENSSH PRIVATE KEY-----\n", "OpenSSH"),
                Arguments.of("corrupt body", (Supplier<String>) () -> "-----BEGIN RSA PRIVATE KEY-----\nMIIBOgIBAAJBAK\n"
                        + "-----END RSA PRIVATE KEY-----\n", "not a readable PEM key"),
                Arguments.of("Ed25519", (Supplier<String>) () -> "-----BEGIN PRIVATE KEY-----\n"
                        + "MC4CAQAwBQYDK2VwBCIEINTuctv5E1hK1bbY8fdp+K06/nwoy/HU++CXqI9EdVhC\n"
                        + "-----END PRIVATE KEY-----\n", "Ed25519"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedKeys")
    void refusesWhatCloudFrontWouldRefuseWithAClearMessage(String what, Supplier<String> pem, String expected) {
        String text = pem.get();
        GalerlyException e = assertThrows(GalerlyException.class, () -> SigningKey.fromPem(text));
        assertEquals(ErrorCode.INVALID_ARGUMENT, e.code());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertNoKeyMaterial(text, e.getMessage());
    }

    @Test
    void refusesUnsupportedJdkKeys() {
        GalerlyException rsa = assertThrows(GalerlyException.class, () -> SigningKey.of(TestKeys.rsa1024().getPrivate()));
        assertTrue(rsa.getMessage().contains("RSA-1024"), rsa.getMessage());
        GalerlyException ec = assertThrows(GalerlyException.class, () -> SigningKey.of(TestKeys.ecP384().getPrivate()));
        assertTrue(ec.getMessage().contains("384-bit curve"), ec.getMessage());
    }

    @Test
    void missingAndUnreadableFilesAreNamed(@TempDir Path dir) {
        GalerlyException missing = assertThrows(GalerlyException.class,
                () -> SigningKey.fromPem(dir.resolve("nope.pem")));
        assertEquals(ErrorCode.NOT_FOUND, missing.code());
        assertTrue(missing.getMessage().contains("nope.pem"), missing.getMessage());
        GalerlyException directory = assertThrows(GalerlyException.class, () -> SigningKey.fromPem(dir));
        assertFalse(directory.retryable());
    }

    @ParameterizedTest
    @EnumSource(KeyType.class)
    void toStringShowsTypeAndFingerprintButNoKeyMaterial(KeyType type) {
        String pem = TestKeys.traditionalPem(TestKeys.of(type));
        SigningKey key = SigningKey.fromPem(pem);
        String text = key.toString();
        assertTrue(text.contains(type.displayName()) && text.contains("sha256:"), text);
        assertNoKeyMaterial(pem, text);
        CloudFrontSigner signer = CloudFrontSigner.builder().keyPair("K1", key).build();
        assertNoKeyMaterial(pem, signer.toString());
        if (TestKeys.of(type).getPrivate() instanceof RSAPrivateCrtKey crt) {
            assertFalse(text.contains(crt.getPrivateExponent().toString()));
            assertFalse(signer.toString().contains(crt.getPrivateExponent().toString(16)));
        }
    }

    /** No 16-character run of the PEM body appears in the text. */
    private static void assertNoKeyMaterial(String pem, String text) {
        String body = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("(?m)^[A-Za-z-]+: .*$", "")
                .replaceAll("\\s", "");
        for (int i = 0; i + 16 <= body.length(); i += 8) {
            assertFalse(text.contains(body.substring(i, i + 16)), "key material leaked into: " + text);
        }
    }
}
