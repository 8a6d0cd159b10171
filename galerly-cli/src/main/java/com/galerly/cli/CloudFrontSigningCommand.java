/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.cli;

import com.galerly.cdn.CloudFrontSigner;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;

/**
 * What {@code sign-url} and {@code sign-cookies} share: the signing options, a signer for their key (warning on
 * stderr when the key file is readable by others) and one line of output.
 */
abstract class CloudFrontSigningCommand implements Callable<Integer> {
    @Mixin
    CloudFrontSigningOptions signing;

    /** The line to print: what {@code signer} signed for this command's options. */
    abstract String sign(CloudFrontSigner signer) throws Exception;

    @Override
    public final Integer call() throws Exception {
        signing.println(sign(signing.commandSigner()));
        return 0;
    }
}
