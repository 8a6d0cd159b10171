/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.galerly.cdn.CloudFrontSigner;
import com.galerly.cdn.HashAlgorithm;
import com.galerly.cdn.Policy;
import com.galerly.cdn.SigningKey;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code galerly sign-url} and {@code sign-cookies} against shared/CLI.md, run in-process. */
class SignCommandsTest {
    private static final String URL = "https://d111111abcdef8.cloudfront.net/renditions/g/p_small.jpg?v=3";
    private static final String EXPIRY = "2099-01-01T00:00:00Z";
    private static final Instant EXPIRES = Instant.parse(EXPIRY);

    @TempDir
    static Path dir;
    private static KeyPair rsa;
    private static KeyPair ec;
    private static Path rsaPkcs1;
    private static Path ecPkcs8;

    @BeforeAll
    static void keys() throws GeneralSecurityException {
        KeyPairGenerator rsaGenerator = KeyPairGenerator.getInstance("RSA");
        rsaGenerator.initialize(2048);
        rsa = rsaGenerator.generateKeyPair();
        KeyPairGenerator ecGenerator = KeyPairGenerator.getInstance("EC");
        ecGenerator.initialize(new ECGenParameterSpec("secp256r1"));
        ec = ecGenerator.generateKeyPair();
        rsaPkcs1 = write("rsa.pem", rsa.getPrivate());
        try {
            ecPkcs8 = write("ec.pem", new JcaPKCS8Generator(ec.getPrivate(), null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    record Result(int exit, String out, String err) {
    }

    static Result galerly(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = GalerlyCli.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(exit, out.toString(), err.toString());
    }

    static String[] args(String command, Path key, String... more) {
        List<String> args = new ArrayList<>(List.of(command, "--key-pair-id", "K2JCJMDEHXQW5F", "--private-key",
                key.toString()));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    @Test
    void signUrlWithACannedPolicyPrintsWhatTheLibrarySigns() {
        Result r = galerly(args("sign-url", rsaPkcs1, "--url", URL, "--date-less-than", EXPIRY));
        assertEquals(0, r.exit(), r.err());
        assertEquals("", r.err());
        String expected = CloudFrontSigner.builder().keyPair("K2JCJMDEHXQW5F", SigningKey.of(rsa.getPrivate())).build()
                .sign(URL, EXPIRES);
        assertEquals(expected + System.lineSeparator(), r.out());
        assertTrue(r.out().startsWith(URL + "&Expires=4070908800&Signature="), r.out());
    }

    @Test
    void aDifferentPolicyResourceMakesACustomPolicy() {
        String resource = "https://d111111abcdef8.cloudfront.net/renditions/g/*";
        Result r = galerly(args("sign-url", rsaPkcs1, "--url", URL, "--policy-resource", resource,
                "--date-less-than", "4070908800"));
        assertEquals(0, r.exit(), r.err());
        String expected = CloudFrontSigner.builder().keyPair("K2JCJMDEHXQW5F", SigningKey.of(rsa.getPrivate())).build()
                .signUrl(URL, Policy.custom(resource, EXPIRES));
        assertEquals(expected, r.out().strip());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "--date-greater-than|2026-01-01|\"DateGreaterThan\":{\"AWS:EpochTime\":1767225600}",
            "--ip-address|192.0.2.0/24|\"IpAddress\":{\"AWS:SourceIp\":\"192.0.2.0/24\"}",
            "--url|https://d111111abcdef8.cloudfront.net/renditions/g/*|\"Resource\":\"https://d111111abcdef8.cloudfront.net/renditions/g/*\""})
    void notBeforeIpRangeOrAWildcardMakeACustomPolicy(String option, String value, String expected) {
        List<String> more = new ArrayList<>(List.of("--date-less-than", EXPIRY, option, value));
        if (!option.equals("--url")) {
            more.addAll(List.of("--url", URL));
        }
        Result r = galerly(args("sign-url", ecPkcs8, more.toArray(String[]::new)));
        assertEquals(0, r.exit(), r.err());
        String policy = policyJson(r.out().strip());
        assertTrue(policy.contains(expected), policy);
        assertTrue(verifies(ec, "SHA1withECDSA", policy, parameter(r.out().strip(), "Signature")));
    }

    @ParameterizedTest
    @CsvSource({"4070908800", "2099-01-01", "2099-01-01T00:00:00Z", "2099-01-01T01:00:00+01:00",
            "2098-12-31T19:00:00-05:00[America/New_York]"})
    void timeIsEpochSecondsOrIsoWithAZone(String time) {
        Result r = galerly(args("sign-url", rsaPkcs1, "--url", URL, "--date-less-than", time));
        assertEquals(0, r.exit(), r.err());
        assertEquals("4070908800", parameter(r.out().strip(), "Expires"));
    }

    @Test
    void sha256IsAnnouncedLastAndSignsWithSha256() {
        Result r = galerly(args("sign-url", ecPkcs8, "--url", URL, "--date-less-than", EXPIRY, "--hash-algorithm",
                "sha256"));
        assertEquals(0, r.exit(), r.err());
        String signed = r.out().strip();
        assertTrue(signed.endsWith("&Key-Pair-Id=K2JCJMDEHXQW5F&Hash-Algorithm=SHA256"), signed);
        String canned = "{\"Statement\":[{\"Resource\":\"" + URL + "\",\"Condition\":{\"DateLessThan\":"
                + "{\"AWS:EpochTime\":4070908800}}}]}";
        assertTrue(verifies(ec, "SHA256withECDSA", canned, parameter(signed, "Signature")));
    }

    @Test
    void signCookiesPrintsAJsonObjectInCloudFrontsOrder() throws IOException {
        Result canned = galerly(args("sign-cookies", rsaPkcs1, "--resource", URL, "--date-less-than", EXPIRY));
        assertEquals(0, canned.exit(), canned.err());
        Map<String, String> cookies = json(canned.out());
        assertEquals(List.of("CloudFront-Expires", "CloudFront-Signature", "CloudFront-Key-Pair-Id"),
                List.copyOf(cookies.keySet()));
        assertEquals(CloudFrontSigner.builder().keyPair("K2JCJMDEHXQW5F", SigningKey.of(rsa.getPrivate())).build()
                .cookies(Policy.canned(URL, EXPIRES)).values(), cookies);

        Result custom = galerly(args("sign-cookies", ecPkcs8, "--resource",
                "https://d111111abcdef8.cloudfront.net/renditions/g/*", "--date-less-than", EXPIRY,
                "--hash-algorithm", "SHA256"));
        assertEquals(0, custom.exit(), custom.err());
        Map<String, String> customCookies = json(custom.out());
        assertEquals(List.of("CloudFront-Policy", "CloudFront-Signature", "CloudFront-Key-Pair-Id",
                "CloudFront-Hash-Algorithm"), List.copyOf(customCookies.keySet()));
        String policy = new String(cloudFrontBase64(customCookies.get("CloudFront-Policy")), StandardCharsets.UTF_8);
        assertTrue(verifies(ec, "SHA256withECDSA", policy, customCookies.get("CloudFront-Signature")));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "sign-url --url " + URL + " --date-less-than 2001-01-01|is not after the current time",
            "sign-url --url " + URL + " --date-less-than " + EXPIRY + " --ip-address 10.0.0.0/33|sourceIp",
            "sign-url --url https://d111111abcdef8.cloudfront.net/a.jpg#x --date-less-than " + EXPIRY + "|fragment",
            "sign-url --url " + URL + "&Signature=abc --date-less-than " + EXPIRY + "|signing parameter Signature",
            "sign-url --url http://d111111abcdef8.cloudfront.net/a.jpg --date-less-than " + EXPIRY + "|https://",
            "sign-url --url " + URL + " --date-less-than tomorrow|--date-less-than",
            "sign-url --url " + URL + " --date-less-than 2099-01-01T00:00:00|no zone or offset",
            "sign-url --url " + URL + " --date-less-than " + EXPIRY + " --hash-algorithm MD5|SHA1 or SHA256",
            "sign-url --date-less-than " + EXPIRY + "|--url",
            "sign-cookies --resource " + URL + " --date-less-than " + EXPIRY + " --date-greater-than 2099-02-01"
                    + "|notBefore"})
    void userErrorsPrintOneLineAndExitTwo(String line, String expected) {
        String[] words = line.split(" ");
        String[] more = java.util.Arrays.copyOfRange(words, 1, words.length);
        assertUserError(galerly(args(words[0], rsaPkcs1, more)), expected);
    }

    @Test
    void badKeyFilesAreUserErrors() throws IOException {
        String[] signing = {"--url", URL, "--date-less-than", EXPIRY};
        assertUserError(galerly(args("sign-url", dir.resolve("missing.pem"), signing)), "does not exist");
        Path text = Files.writeString(dir.resolve("notes.txt"), "not a key\n");
        assertUserError(galerly(args("sign-url", text, signing)), "no PEM block");
        Path publicKey = write("public.pem", rsa.getPublic());
        assertUserError(galerly(args("sign-url", publicKey, signing)), "not a private key");
        assertUserError(galerly(args("sign-url", dir, signing)), "is not a regular file");
        if (Files.exists(Path.of("/dev/zero"))) {
            assertUserError(galerly(args("sign-url", Path.of("/dev/zero"), signing)), "is not a regular file");
        }
        Path huge = Files.write(dir.resolve("huge.pem"), new byte[1024 * 1024]);
        assertUserError(galerly(args("sign-url", huge, signing)), "over 65536 bytes");
        try {
            KeyPairGenerator small = KeyPairGenerator.getInstance("RSA");
            small.initialize(1024);
            assertUserError(galerly(args("sign-url", write("rsa1024.pem", small.generateKeyPair().getPrivate()),
                    signing)), "RSA-1024");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        Result badId = galerly("sign-url", "--key-pair-id", "K 1", "--private-key", rsaPkcs1.toString(), "--url", URL,
                "--date-less-than", EXPIRY);
        assertUserError(badId, "--key-pair-id");
    }

    @Test
    void aKeyReadableByOthersIsUsedWithAOneLineWarning() throws IOException {
        Path shared = dir.resolve("shared.pem");
        Files.copy(rsaPkcs1, shared, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        org.junit.jupiter.api.Assumptions.assumeTrue(shared.getFileSystem().supportedFileAttributeViews()
                .contains("posix"), "no POSIX permissions on this file system");
        Files.setPosixFilePermissions(shared, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        Result r = galerly(args("sign-url", shared, "--url", URL, "--date-less-than", EXPIRY));
        assertEquals(0, r.exit(), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().contains("readable by others") && r.err().contains("chmod 600"), r.err());
        assertTrue(r.out().startsWith(URL + "&Expires="), r.out());
    }

    @Test
    void verboseAddsTheStackTrace() {
        Result r = galerly(args("sign-url", rsaPkcs1, "--url", URL, "--date-less-than", "2001-01-01", "--verbose"));
        assertEquals(2, r.exit());
        assertTrue(r.err().lines().count() > 1 && r.err().contains("\tat "), r.err());
    }

    @Test
    void helpDescribesTheCommands() {
        Result r = galerly("sign-url", "--help");
        assertEquals(0, r.exit());
        assertTrue(r.out().contains("--policy-resource") && r.out().contains("--hash-algorithm"), r.out());
        Result top = galerly("--help");
        assertTrue(top.out().contains("sign-url") && top.out().contains("sign-cookies"), top.out());
    }

    private static void assertUserError(Result r, String expected) {
        assertEquals(2, r.exit(), r.out() + r.err());
        assertEquals("", r.out());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("galerly: ") && r.err().contains(expected), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
    }

    private static String parameter(String url, String name) {
        for (String pair : url.substring(url.indexOf('?') + 1).split("&")) {
            if (pair.startsWith(name + "=")) {
                return pair.substring(name.length() + 1);
            }
        }
        throw new AssertionError("no " + name + " in " + url);
    }

    private static String policyJson(String signedUrl) {
        return new String(cloudFrontBase64(parameter(signedUrl, "Policy")), StandardCharsets.UTF_8);
    }

    private static byte[] cloudFrontBase64(String value) {
        return Base64.getDecoder().decode(value.replace('-', '+').replace('_', '=').replace('~', '/'));
    }

    private static boolean verifies(KeyPair pair, String algorithm, String policy, String signature) {
        try {
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(pair.getPublic());
            verifier.update(policy.getBytes(StandardCharsets.UTF_8));
            return verifier.verify(cloudFrontBase64(signature));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> json(String text) throws IOException {
        return new ObjectMapper().readValue(text, new TypeReference<LinkedHashMap<String, String>>() { });
    }

    private static Path write(String name, Object pemObject) {
        StringWriter pem = new StringWriter();
        try {
            try (JcaPEMWriter writer = new JcaPEMWriter(pem)) {
                writer.writeObject(pemObject);
            }
            Path file = Files.writeString(dir.resolve(name), pem.toString());
            if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
