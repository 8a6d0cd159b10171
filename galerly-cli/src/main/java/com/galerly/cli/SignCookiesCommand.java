/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.galerly.cdn.CloudFrontSigner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code galerly sign-cookies}: prints CloudFront signed cookies as a JSON object {name: value}. */
@Command(name = "sign-cookies", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Prints CloudFront signed cookies as a JSON object {cookie name: value}.",
                "A canned policy (CloudFront-Expires) is used unless --date-greater-than or --ip-address is given or "
                        + "the resource contains '*'; then a custom policy (CloudFront-Policy)."})
final class SignCookiesCommand extends CloudFrontSigningCommand {
    @Option(names = "--resource", required = true, paramLabel = "RESOURCE", order = 0,
            description = "The https URL or pattern the cookies grant; '*' and '?' are wildcards.")
    String resource;

    @Override
    String sign(CloudFrontSigner signer) throws JsonProcessingException {
        return new ObjectMapper().writeValueAsString(signer.cookies(signing.policy(null, resource)).values());
    }
}
