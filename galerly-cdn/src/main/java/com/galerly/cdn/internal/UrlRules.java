/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.cdn.internal;

import com.galerly.core.GalerlyException;
import com.galerly.core.spi.Checks;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Set;

/**
 * What CloudFront can sign: https URLs without a fragment, already percent-encoded (a policy names the URL as the
 * browser sends it), without CloudFront's own signing parameters; policy resources with {@code *}/{@code ?}
 * wildcards; IPv4/IPv6 CIDR ranges. Every refusal is an {@code INVALID_ARGUMENT} naming the input and the rule.
 */
public final class UrlRules {
    /** Query parameters CloudFront reserves for signing; a URL that already has one would be ambiguous. */
    public static final Set<String> SIGNING_PARAMETERS =
            Set.of("Expires", "Policy", "Signature", "Key-Pair-Id", "Hash-Algorithm");

    /** CloudFront's limit on a request URL. */
    public static final int MAX_URL_LENGTH = 8192;

    private UrlRules() {
    }

    /** Checks a URL that is to be signed (or that a canned policy names); returns it unchanged. */
    public static String requireSignableUrl(String url, String what) {
        Checks.notNull(url, what);
        if (!url.startsWith("https://")) {
            throw invalid(what + " must start with https://, was " + Checks.quote(url));
        }
        int hostEnd = indexOfAny(url, "/?#", 8);
        if (hostEnd == 8 || url.length() == 8) {
            throw invalid(what + " has no host: " + Checks.quote(url));
        }
        checkCharacters(url, what, false);
        int query = url.indexOf('?');
        if (query >= 0) {
            checkNoSigningParameters(url, query + 1, what);
        }
        return url;
    }

    /**
     * Checks a custom policy's resource: {@code https://...} (or a scheme made of wildcards, or a lone
     * {@code *}), with {@code *} and {@code ?} as wildcards and no fragment.
     */
    public static String requireResource(String resource, String what) {
        Checks.notNull(resource, what);
        if (resource.isEmpty()) {
            throw invalid(what + " must not be empty");
        }
        int scheme = resource.indexOf("://");
        boolean wildcardScheme = scheme > 0 && resource.substring(0, scheme).chars().allMatch(
                c -> c == '*' || c == '?' || Character.isLetter(c)) && Wildcards.hasWildcard(resource.substring(0, scheme));
        if (!resource.startsWith("https://") && !wildcardScheme && !(scheme < 0 && resource.charAt(0) == '*')) {
            throw invalid(what + " must start with https:// (or a wildcard), was " + Checks.quote(resource));
        }
        checkCharacters(resource, what, true);
        return resource;
    }

    /**
     * Normalises a source-IP condition: an IPv4 or IPv6 address with an optional {@code /prefix}; a bare address
     * gets {@code /32} or {@code /128}. Never resolves host names.
     */
    public static String requireCidr(String cidr, String what) {
        Checks.notNull(cidr, what);
        int slash = cidr.indexOf('/');
        String address = slash < 0 ? cidr : cidr.substring(0, slash);
        boolean v6 = address.indexOf(':') >= 0;
        if (v6 ? !validIpv6(address) : !validIpv4(address)) {
            throw invalid(what + " must be an IPv4 or IPv6 CIDR range like 192.0.2.0/24, was " + Checks.quote(cidr));
        }
        int max = v6 ? 128 : 32;
        if (slash < 0) {
            return cidr + "/" + max;
        }
        String prefix = cidr.substring(slash + 1);
        if (prefix.isEmpty() || prefix.length() > 3 || !prefix.chars().allMatch(c -> c >= '0' && c <= '9')
                || (prefix.length() > 1 && prefix.charAt(0) == '0') || Integer.parseInt(prefix) > max) {
            throw invalid(what + " prefix length must be 0.." + max + ", was " + Checks.quote(cidr));
        }
        return cidr;
    }

    private static boolean validIpv4(String address) {
        String[] parts = address.split("\\.", -1);
        if (parts.length != 4) {
            return false;
        }
        for (String part : parts) {
            if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(c -> c >= '0' && c <= '9')
                    || (part.length() > 1 && part.charAt(0) == '0') || Integer.parseInt(part) > 255) {
                return false;
            }
        }
        return true;
    }

    private static boolean validIpv6(String address) {
        if (address.isEmpty() || address.length() > 45
                || !address.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == ':' || c == '.')) {
            return false;
        }
        try {
            // a literal with ':' is parsed, never looked up in DNS
            return InetAddress.getByName(address).getAddress().length == 16;
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static void checkCharacters(String url, String what, boolean wildcards) {
        if (url.length() > MAX_URL_LENGTH) {
            throw new GalerlyException(com.galerly.core.ErrorCode.LIMIT_EXCEEDED,
                    what + " is " + url.length() + " characters, CloudFront accepts at most " + MAX_URL_LENGTH);
        }
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            if (c == '#') {
                throw invalid(what + " must not carry a fragment ('#' at " + i + "): " + Checks.quote(url));
            }
            if (c == '%') {
                if (i + 2 >= url.length() || Character.digit(url.charAt(i + 1), 16) < 0
                        || Character.digit(url.charAt(i + 2), 16) < 0) {
                    throw invalid(what + " has a malformed percent escape at " + i + ": " + Checks.quote(url));
                }
            } else if (!urlCharacter(c) && !(wildcards && c == '*')) {
                throw invalid(what + " must be percent-encoded: " + describe(c) + " at " + i + " in "
                        + Checks.quote(url));
            }
        }
    }

    /** RFC 3986 unreserved, gen-delims (but '#') and sub-delims: what may appear raw in a URL. */
    private static boolean urlCharacter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || "-._~:/?[]@!$&'()*+,;=".indexOf(c) >= 0;
    }

    private static String describe(char c) {
        if (c == ' ') {
            return "space";
        }
        if (c < 0x20 || c == 0x7f) {
            return String.format(Locale.ROOT, "control character U+%04X", (int) c);
        }
        return String.format(Locale.ROOT, "'%c' (U+%04X)", c, (int) c);
    }

    private static void checkNoSigningParameters(String url, int start, String what) {
        int i = start;
        while (i <= url.length()) {
            int amp = url.indexOf('&', i);
            int end = amp < 0 ? url.length() : amp;
            int eq = url.indexOf('=', i);
            String name = url.substring(i, eq >= 0 && eq < end ? eq : end);
            if (SIGNING_PARAMETERS.contains(name)) {
                throw invalid(what + " already carries CloudFront's signing parameter " + name + ": "
                        + Checks.quote(url));
            }
            if (amp < 0) {
                break;
            }
            i = amp + 1;
        }
    }

    private static int indexOfAny(String s, String chars, int from) {
        for (int i = from; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return s.length();
    }

    private static GalerlyException invalid(String message) {
        return GalerlyException.invalid(message);
    }
}
