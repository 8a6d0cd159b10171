/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.cli;

import picocli.CommandLine;

/** Reads the version Maven writes into the jar manifest. */
final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = GalerlyCli.class.getPackage().getImplementationVersion();
        return new String[] {"galerly " + (version != null ? version : "development build"),
                "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")"};
    }
}
