/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.cli;

import com.galerly.cdn.CloudFrontSigner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code galerly sign-url}: prints a CloudFront signed URL (canned or custom policy). */
@Command(name = "sign-url", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Prints a CloudFront signed URL.",
                "A canned policy is used unless --date-greater-than or --ip-address is given, the signed resource "
                        + "contains '*', or --policy-resource differs from --url; then a custom policy.",
                "Signing parameters are appended after any query string, in CloudFront's order: Expires or Policy, "
                        + "Signature, Key-Pair-Id, Hash-Algorithm."})
final class SignUrlCommand extends CloudFrontSigningCommand {
    @Option(names = "--url", required = true, paramLabel = "URL", order = 0,
            description = "The https URL to sign, percent-encoded; a '?' starts its query string.")
    String url;

    @Option(names = "--policy-resource", paramLabel = "RESOURCE", order = 1,
            description = "The resource the policy grants, if not the URL; '*' and '?' are wildcards.")
    String policyResource;

    @Override
    String sign(CloudFrontSigner signer) {
        return signer.signUrl(url, signing.policy(url, policyResource != null ? policyResource : url));
    }
}
