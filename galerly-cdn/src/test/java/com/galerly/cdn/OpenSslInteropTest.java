/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.cdn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.galerly.testkit.cdn.CloudFrontEmulator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Keys made with the commands AWS's CloudFront guide gives ({@code openssl genrsa}, {@code openssl ecparam
 * -genkey}), and signatures checked by {@code openssl dgst -verify}: a verifier that shares no code with Galerly
 * or the JDK. Skipped, and says so, where no {@code openssl} is installed.
 */
class OpenSslInteropTest {
    private static final Instant NOW = Instant.parse("2026-11-02T10:15:30Z");

    @BeforeAll
    static void needsOpenSsl() {
        boolean available;
        try {
            available = run(Path.of("."), "openssl", "version") == 0;
        } catch (IOException e) {
            available = false;
        }
        assumeTrue(available, "openssl is not installed; the OpenSSL interop checks are skipped");
    }

    @ParameterizedTest(name = "{0} / {2}")
    @CsvSource(delimiter = '|', value = {
            "openssl genrsa -out key.pem 2048|RSA_2048|SHA1",
            "openssl genrsa -traditional -out key.pem 2048|RSA_2048|SHA256",
            "openssl ecparam -name prime256v1 -genkey -out key.pem|EC_P256|SHA1",
            "openssl ecparam -name prime256v1 -genkey -noout -out key.pem|EC_P256|SHA256",
            "openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out key.pem|EC_P256|SHA1"})
    void signaturesOverOpenSslKeysVerifyWithOpenSsl(String command, KeyType type, HashAlgorithm hash, 
                                                    @org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        assertEquals(0, run(dir, command.split(" ")), command);
        assertEquals(0, run(dir, "openssl", "pkey", "-in", "key.pem", "-pubout", "-out", "public.pem"));

        SigningKey key = SigningKey.fromPem(dir.resolve("key.pem"));
        assertEquals(type, key.type());
        assertEquals(Files.readString(dir.resolve("public.pem")), key.publicKeyPem().orElseThrow(),
                "the public key Galerly derives is the one OpenSSL derives");

        CloudFrontSigner signer = CloudFrontSigner.builder().keyPair("K1", key).hashAlgorithm(hash)
                .clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
        SignedPolicy signed = signer.signPolicy(Policy.custom("https://cdn.example.com/renditions/g/*",
                NOW.plusSeconds(3600)));
        Files.write(dir.resolve("policy.json"), CloudFrontEmulator.cloudFrontBase64(signed.encodedPolicy().orElseThrow()));
        Files.write(dir.resolve("signature.bin"), CloudFrontEmulator.cloudFrontBase64(signed.signature()));
        assertEquals(0, run(dir, "openssl", "dgst", "-" + hash.name().toLowerCase(java.util.Locale.ROOT), "-verify",
                "public.pem", "-signature", "signature.bin", "policy.json"), "openssl dgst -verify");
        assertTrue(Files.readString(dir.resolve("policy.json")).startsWith("{\"Statement\":[{\"Resource\":"));
    }

    private static int run(Path dir, String... command) throws IOException {
        List<String> args = new ArrayList<>(List.of(command));
        Process process = new ProcessBuilder(args).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return -1;
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            return -1;
        }
    }
}
