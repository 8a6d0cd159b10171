/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.imaging.raw;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;
import org.junit.jupiter.api.Test;

/** The plugin's public type never shows its internals, and it reaches galerly-imaging only through its public API. */
class ApiBoundaryTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("com.galerly.imaging.raw");

    @Test
    void publicSignaturesNeverMentionInternalTypes() {
        ArchRuleDefinition.classes().that().resideInAPackage("com.galerly.imaging.raw").and().arePublic()
                .should(new ArchCondition<JavaClass>("not expose an internal package in public signatures") {
                    @Override
                    public void check(JavaClass type, ConditionEvents events) {
                        for (JavaCodeUnit unit : type.getCodeUnits()) {
                            if (!unit.getModifiers().contains(JavaModifier.PUBLIC)) {
                                continue;
                            }
                            for (JavaClass used : unit.getAllInvolvedRawTypes()) {
                                if (used.getPackageName().contains(".internal")) {
                                    events.add(SimpleConditionEvent.violated(unit, unit.getFullName() + " exposes "
                                            + used.getName()));
                                }
                            }
                        }
                    }
                }).check(CLASSES);
    }

    @Test
    void usesNoInternalsOfGalerlyImaging() {
        ArchRuleDefinition.noClasses().that().resideInAPackage("com.galerly.imaging.raw..").should()
                .dependOnClassesThat().resideInAPackage("com.galerly.imaging.internal..").check(CLASSES);
    }
}
