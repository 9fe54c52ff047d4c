package io.backupdesk;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The layering of DESIGN.md, enforced: a wrong import fails the build. */
class ArchitectureTest {
    private static final String[] HEADLESS = {"io.backupdesk.core..", "io.backupdesk.pg..", "io.backupdesk.backup..",
            "io.backupdesk.restore..", "io.backupdesk.schedule..", "io.backupdesk.stats..", "io.backupdesk.store..",
            "io.backupdesk.alert..", "io.backupdesk.cli.."};
    private static final String[] ENGINE = {"io.backupdesk.core..", "io.backupdesk.pg..", "io.backupdesk.backup..",
            "io.backupdesk.restore..", "io.backupdesk.schedule..", "io.backupdesk.stats..", "io.backupdesk.store..",
            "io.backupdesk.alert.."};

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.backupdesk");
    }

    @Test
    void servicesStoresSchedulerAndCliNeverTouchJavaFx() {
        check(noClasses().that().resideInAnyPackage(HEADLESS).should().dependOnClassesThat().resideInAPackage("javafx.."));
    }

    @Test
    void viewModelsUseOnlyJavaFxBeansAndCollections() {
        check(noClasses().that().haveSimpleNameEndingWith("ViewModel").should().dependOnClassesThat()
                .resideInAnyPackage("javafx.scene..", "javafx.stage..", "javafx.fxml..", "java.awt..")
                .allowEmptyShould(true));
    }

    @Test
    void onlyTheTrayAndTheAppShellUseAwt() {
        check(noClasses().that().resideOutsideOfPackages("io.backupdesk.tray..", "io.backupdesk.app..")
                .should().dependOnClassesThat().resideInAPackage("java.awt.."));
    }

    @Test
    void theEngineNeverReachesUpIntoTheFronts() {
        check(noClasses().that().resideInAnyPackage(ENGINE).should().dependOnClassesThat()
                .resideInAnyPackage("io.backupdesk.app..", "io.backupdesk.cli..", "io.backupdesk.ui..", "io.backupdesk.tray.."));
    }

    @Test
    void theDomainDependsOnNothingButTheJdk() {
        check(classes().that().resideInAPackage("io.backupdesk.core..").should().onlyDependOnClassesThat()
                .resideInAnyPackage("io.backupdesk.core..", "java.."));
    }

    @Test
    void screensNeverImportEachOther() {
        String[] screens = {"dashboard", "backups", "restorewizard", "schedules", "connections", "settings", "shell"};
        for (String screen : screens) {
            String[] others = java.util.Arrays.stream(screens).filter(s -> !s.equals(screen))
                    .map(s -> "io.backupdesk.ui." + s + "..").toArray(String[]::new);
            check(noClasses().that().resideInAPackage("io.backupdesk.ui." + screen + "..").should()
                    .dependOnClassesThat().resideInAnyPackage(others).allowEmptyShould(true));
        }
    }

    private static void check(ArchRule rule) {
        rule.check(classes);
    }
}
