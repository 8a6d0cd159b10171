/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.testkit.cdn;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks signed URLs and cookies the way CloudFront documents it, written independently of the code under test:
 * strip the signing parameters, rebuild the canned policy from the request URL (or decode the custom one), verify
 * the signature with the key pair's public key and the announced hash, then apply the policy's resource wildcard,
 * time window and source IP. Lets the tests check behaviour (would CloudFront serve this?) rather than strings.
 * {@link LocalCloudFront} serves objects over HTTP through it.
 *
 * <pre>{@code
 * CloudFrontEmulator cloudFront = new CloudFrontEmulator(Map.of("K2JCJMDEHXQW5F", keyPair.getPublic()));
 * CloudFrontEmulator.Decision d = cloudFront.checkUrl(signedUrl, Instant.now(), "203.0.113.7");
 * assertTrue(d.allowed(), d.reason());
 * }</pre>
 *
 * <p>Needs {@code software.amazon.awssdk:json-utils} on the classpath (an optional dependency of the test kit).
 */
public final class CloudFrontEmulator {
    private final Map<String, PublicKey> publicKeys;

    /** Trusts these public keys, by key-pair id (a CloudFront key group). */
    public CloudFrontEmulator(Map<String, PublicKey> publicKeys) {
        this.publicKeys = Map.copyOf(publicKeys);
    }

    /**
     * The outcome: allowed, or why not; with the policy JSON that was verified.
     *
     * @param allowed    whether CloudFront would serve the request
     * @param reason     {@code ok}, or why not
     * @param policyJson the verified policy, or null when the signature was not checked
     */
    public record Decision(boolean allowed, String reason, String policyJson) {
        public static Decision deny(String reason) {
            return new Decision(false, reason, null);
        }
    }

    /** Would CloudFront serve this signed URL at {@code now} to {@code clientIp}? */
    public Decision checkUrl(String signedUrl, Instant now, String clientIp) {
        int query = signedUrl.indexOf('?');
        if (query < 0) {
            return Decision.deny("no query string");
        }
        Map<String, String> signing = new LinkedHashMap<>();
        StringBuilder kept = new StringBuilder();
        for (String parameter : signedUrl.substring(query + 1).split("&")) {
            int eq = parameter.indexOf('=');
            String name = eq < 0 ? parameter : parameter.substring(0, eq);
            if (name.equals("Expires") || name.equals("Policy") || name.equals("Signature") || name.equals("Key-Pair-Id")
                    || name.equals("Hash-Algorithm")) {
                signing.put(name, parameter.substring(eq + 1));
            } else if (!parameter.isEmpty()) {
                kept.append(kept.length() == 0 ? "" : "&").append(parameter);
            }
        }
        String base = signedUrl.substring(0, query) + (kept.length() == 0 ? "" : "?" + kept);
        return check(base, signing, now, clientIp);
    }

    /** Would CloudFront serve {@code requestUrl} (unsigned) to a viewer sending these cookies? */
    public Decision checkCookies(String requestUrl, Map<String, String> cookies, Instant now, String clientIp) {
        Map<String, String> signing = new LinkedHashMap<>();
        cookies.forEach((name, value) -> {
            if (name.startsWith("CloudFront-")) {
                signing.put(name.substring("CloudFront-".length()), value);
            }
        });
        return check(requestUrl, signing, now, clientIp);
    }

    private Decision check(String requestUrl, Map<String, String> signing, Instant now, String clientIp) {
        PublicKey key = publicKeys.get(signing.get("Key-Pair-Id"));
        if (key == null) {
            return Decision.deny("unknown key pair " + signing.get("Key-Pair-Id"));
        }
        String hash = signing.getOrDefault("Hash-Algorithm", "SHA1");
        if (!hash.equals("SHA1") && !hash.equals("SHA256")) {
            return Decision.deny("unknown hash " + hash);
        }
        String json;
        if (signing.containsKey("Expires") && !signing.containsKey("Policy")) {
            json = "{\"Statement\":[{\"Resource\":\"" + requestUrl + "\",\"Condition\":{\"DateLessThan\":"
                    + "{\"AWS:EpochTime\":" + signing.get("Expires") + "}}}]}";
        } else if (signing.containsKey("Policy")) {
            json = new String(cloudFrontBase64(signing.get("Policy")), StandardCharsets.UTF_8);
        } else {
            return Decision.deny("neither Expires nor Policy");
        }
        if (!signing.containsKey("Signature")) {
            return Decision.deny("no Signature");
        }
        try {
            Signature verifier = Signature.getInstance(hash + "with" + (key.getAlgorithm().equals("RSA") ? "RSA" : "ECDSA"));
            verifier.initVerify(key);
            verifier.update(json.getBytes(StandardCharsets.UTF_8));
            if (!verifier.verify(cloudFrontBase64(signing.get("Signature")))) {
                return Decision.deny("signature does not verify");
            }
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return Decision.deny("signature unreadable: " + e);
        }
        Map<String, Object> statement = object(((List<?>) object(parse(json)).get("Statement")).get(0));
        String resource = (String) statement.get("Resource");
        if (!glob(resource).matcher(requestUrl).matches()) {
            return new Decision(false, "resource " + resource + " does not match " + requestUrl, json);
        }
        Map<String, Object> condition = object(statement.get("Condition"));
        long lessThan = ((Number) object(condition.get("DateLessThan")).get("AWS:EpochTime")).longValue();
        if (now.getEpochSecond() >= lessThan) {
            return new Decision(false, "expired", json);
        }
        Object greaterThan = condition.get("DateGreaterThan");
        if (greaterThan != null
                && now.getEpochSecond() <= ((Number) object(greaterThan).get("AWS:EpochTime")).longValue()) {
            return new Decision(false, "not yet valid", json);
        }
        Object ip = condition.get("IpAddress");
        if (ip != null) {
            String range = (String) object(ip).get("AWS:SourceIp");
            if (!inRange(clientIp, range)) {
                return new Decision(false, "client " + clientIp + " outside " + range, json);
            }
        }
        return new Decision(true, "ok", json);
    }

    private static Object parse(String json) {
        try {
            return JSON.std.anyFrom(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("policy is not JSON: " + e.getMessage(), e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Object node) {
        if (!(node instanceof Map)) {
            throw new IllegalArgumentException("policy JSON: expected an object, found " + node);
        }
        return (Map<String, Object>) node;
    }

    /** Decodes CloudFront's URL-safe base64 ({@code -} for {@code +}, {@code _} for {@code =}, {@code ~} for {@code /}). */
    public static byte[] cloudFrontBase64(String text) {
        return Base64.getDecoder().decode(text.replace('-', '+').replace('_', '=').replace('~', '/'));
    }

    private static Pattern glob(String resource) {
        StringBuilder regex = new StringBuilder();
        for (char c : resource.toCharArray()) {
            regex.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }

    private static boolean inRange(String clientIp, String cidr) {
        try {
            String[] parts = cidr.split("/");
            byte[] network = InetAddress.getByName(parts[0]).getAddress();
            byte[] client = InetAddress.getByName(clientIp).getAddress();
            if (network.length != client.length) {
                return false;
            }
            int bits = network.length * 8;
            int prefix = Integer.parseInt(parts[1]);
            BigInteger mask = BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE)
                    .xor(BigInteger.ONE.shiftLeft(bits - prefix).subtract(BigInteger.ONE));
            return new BigInteger(1, network).and(mask).equals(new BigInteger(1, client).and(mask));
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
