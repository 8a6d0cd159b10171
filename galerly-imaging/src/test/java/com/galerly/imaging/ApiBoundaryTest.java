/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.imaging;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The SPI of galerly-imaging depends on no codec library. (That no public signature shows an internal type is
 * checked for every module by galerly-cli's ArchitectureTest.)
 */
class ApiBoundaryTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("com.galerly.imaging");

    @Test
    void theSpiNeedsNoCodecLibrary() {
        noClasses().that().resideInAPackage("com.galerly.imaging").should().dependOnClassesThat()
                .resideInAnyPackage("com.twelvemonkeys..", "com.luciad..").check(CLASSES);
    }
}
