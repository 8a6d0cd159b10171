/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.imaging.raw;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The plugin reaches galerly-imaging only through its public API. (That no public signature of any module shows an
 * internal type is checked once for all of them, by galerly-cli's ArchitectureTest.)
 */
class ApiBoundaryTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("com.galerly.imaging.raw");

    @Test
    void usesNoInternalsOfGalerlyImaging() {
        noClasses().that().resideInAPackage("com.galerly.imaging.raw..").should()
                .dependOnClassesThat().resideInAPackage("com.galerly.imaging.internal..").check(CLASSES);
    }
}
