package io.backupdesk;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The layering of DESIGN.md, enforced: a wrong import fails the build. */
class ArchitectureTest {
    /**
     * The layers from the bottom up, as DESIGN.md lists them: a package may import its own layer and those before
     * it, never one after it. The front ends (cli, tray, ui) are one layer that never imports itself across: the
     * rule {@link #theFrontEndsNeverImportEachOther} says so.
     */
    private static final List<List<String>> LAYERS = List.of(List.of("core"), List.of("store"), List.of("pg"),
            List.of("backup"), List.of("restore"), List.of("crypto"), List.of("offsite"), List.of("stats"),
            List.of("alert"), List.of("jobs"), List.of("schedule"), List.of("engine"), List.of("cli", "tray", "ui"),
            List.of("app"));
    private static final String[] HEADLESS = {"io.backupdesk.core..", "io.backupdesk.pg..", "io.backupdesk.backup..",
            "io.backupdesk.restore..", "io.backupdesk.crypto..", "io.backupdesk.offsite..", "io.backupdesk.schedule..",
            "io.backupdesk.stats..", "io.backupdesk.store..",
            "io.backupdesk.alert..", "io.backupdesk.jobs..", "io.backupdesk.engine..", "io.backupdesk.cli.."};
    private static final String[] ENGINE = {"io.backupdesk.core..", "io.backupdesk.pg..", "io.backupdesk.backup..",
            "io.backupdesk.restore..", "io.backupdesk.crypto..", "io.backupdesk.offsite..", "io.backupdesk.schedule..",
            "io.backupdesk.stats..", "io.backupdesk.store..",
            "io.backupdesk.alert..", "io.backupdesk.jobs..", "io.backupdesk.engine.."};

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

    @Test
    void eachLayerImportsOnlyTheLayersBelowIt() {
        for (int i = 0; i < LAYERS.size(); i++) {
            String[] above = LAYERS.subList(i + 1, LAYERS.size()).stream().flatMap(List::stream)
                    .map(p -> "io.backupdesk." + p + "..").toArray(String[]::new);
            if (above.length == 0) {
                continue;
            }
            String[] layer = LAYERS.get(i).stream().map(p -> "io.backupdesk." + p + "..").toArray(String[]::new);
            check(noClasses().that().resideInAnyPackage(layer).should().dependOnClassesThat().resideInAnyPackage(above)
                    .allowEmptyShould(true));
        }
    }

    @Test
    void theFrontEndsNeverImportEachOther() {
        check(noClasses().that().resideInAPackage("io.backupdesk.cli..").should().dependOnClassesThat()
                .resideInAnyPackage("io.backupdesk.app..", "io.backupdesk.ui..", "io.backupdesk.tray.."));
        check(noClasses().that().resideInAPackage("io.backupdesk.tray..").should().dependOnClassesThat()
                .resideInAnyPackage("io.backupdesk.app..", "io.backupdesk.ui..", "io.backupdesk.cli.."));
        check(noClasses().that().resideInAPackage("io.backupdesk.ui..").should().dependOnClassesThat()
                .resideInAnyPackage("io.backupdesk.app..", "io.backupdesk.tray..", "io.backupdesk.cli.."));
    }

    @Test
    void noPackageCycles() {
        check(slices().matching("io.backupdesk.(**)").should().beFreeOfCycles());
    }

    private static void check(ArchRule rule) {
        rule.check(classes);
    }
}
