package io.backupdesk.pg;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static io.backupdesk.pg.FakeClientTools.install;
import static org.assertj.core.api.Assertions.assertThat;

class ToolDiscoveryTest {
    @TempDir
    Path tmp;

    @Test
    void theVersionIsReadByRunningPgDumpWithVersion() throws IOException {
        Path bin = install(tmp, "pg13", "13.4");

        assertThat(ToolDiscovery.runVersion(bin.resolve("pg_dump"))).contains(new PgVersion(130004));
    }

    @Test
    void aProgramThatFailsOnVersionHasNoVersion() throws IOException {
        Path broken = FakeClientTools.script(tmp.resolve("pg_dump"), "echo 'pg_dump (PostgreSQL) 13.4'\nexit 3\n");

        assertThat(ToolDiscovery.runVersion(broken)).isEmpty();
    }

    @Test
    void installationsAreListedInSearchOrder() throws IOException {
        Path a = install(tmp, "a", "16.1");
        Path b = install(tmp, "b", "13.4");
        Path c = install(tmp, "c", "15.2");

        List<ClientInstallation> found = new ToolDiscovery(null, List.of(b, c, a), ToolDiscovery::runVersion).installations();

        assertThat(found).extracting(ClientInstallation::binDir).containsExactly(b, c, a);
        assertThat(found).extracting(ClientInstallation::version)
                .containsExactly(new PgVersion(130004), new PgVersion(150002), new PgVersion(160001));
    }

    @Test
    void theSameVersionFoundTwiceIsListedOnceWhereItWasFoundFirst() throws IOException {
        Path first = install(tmp, "first", "13.4");
        Path second = install(tmp, "second", "13.4");
        Path other = install(tmp, "other", "13.5");

        List<ClientInstallation> found = new ToolDiscovery(null, List.of(first, second, other), ToolDiscovery::runVersion)
                .installations();

        assertThat(found).extracting(ClientInstallation::binDir).containsExactly(first, other);
    }

    @Test
    void theConfiguredFolderIsKeptEvenWhenItsVersionWasSeenBefore() throws IOException {
        Path onPath = install(tmp, "path", "13.4");
        Path configured = install(tmp, "configured", "13.4");

        List<ClientInstallation> found = new ToolDiscovery(configured, List.of(onPath, configured), ToolDiscovery::runVersion)
                .installations();

        assertThat(found).extracting(ClientInstallation::binDir).containsExactly(onPath, configured);
    }

    @Test
    void foldersWithoutAnExecutablePgDumpAreSkipped() throws IOException {
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        Path notExecutable = Files.createDirectories(tmp.resolve("noexec"));
        Files.writeString(notExecutable.resolve("pg_dump"), "#!/bin/sh\necho 'pg_dump (PostgreSQL) 14.1'\n");
        Path real = install(tmp, "real", "14.2");

        List<ClientInstallation> found = new ToolDiscovery(null,
                List.of(empty, notExecutable, tmp.resolve("missing"), real), ToolDiscovery::runVersion).installations();

        assertThat(found).extracting(ClientInstallation::binDir).containsExactly(real);
    }

    @Test
    void versionsAreProbedOnlyOnce() throws IOException {
        Path bin = install(tmp, "a", "13.4");
        AtomicInteger probes = new AtomicInteger();
        ToolDiscovery discovery = new ToolDiscovery(null, List.of(bin), pgDump -> {
            probes.incrementAndGet();
            return ToolDiscovery.runVersion(pgDump);
        });

        discovery.installations();
        discovery.installations();

        assertThat(probes).hasValue(1);
    }

    @Test
    void aProgramReachedThroughALinkIsProbedOnce() throws IOException {
        Path real = install(tmp, "real", "15.2");
        Path linked = Files.createSymbolicLink(tmp.resolve("linked"), real);
        AtomicInteger probes = new AtomicInteger();

        List<ClientInstallation> found = new ToolDiscovery(null, List.of(real, linked), pgDump -> {
            probes.incrementAndGet();
            return ToolDiscovery.runVersion(pgDump);
        }).installations();

        assertThat(found).extracting(ClientInstallation::binDir).containsExactly(real);
        assertThat(probes).hasValue(1);
    }

    @Test
    void theProbesRunSideBySideAndTheSearchOrderStays() throws IOException {
        List<Path> dirs = List.of(install(tmp, "a", "13.4"), install(tmp, "b", "16.1"), install(tmp, "c", "15.2"));
        // every probe waits until all have started: probes run one after another would give up and find nothing
        CountDownLatch allStarted = new CountDownLatch(dirs.size());
        List<ClientInstallation> found = new ToolDiscovery(null, dirs, pgDump -> {
            allStarted.countDown();
            try {
                return allStarted.await(20, TimeUnit.SECONDS) ? ToolDiscovery.runVersion(pgDump) : Optional.empty();
            } catch (InterruptedException e) {
                return Optional.empty();
            }
        }).installations();

        assertThat(found).extracting(ClientInstallation::binDir).containsExactlyElementsOf(dirs);
    }

    @Test
    void theStandardSearchPutsTheConfiguredFolderFirstAndPathLast() throws IOException {
        Path configured = install(tmp, "configured", "11.22");
        Path path1 = install(tmp, "path1", "12.19");
        Path path2 = install(tmp, "path2", "10.23");
        String path = String.join(File.pathSeparator, path1.toString(), "", path2.toString());

        ToolDiscovery discovery = ToolDiscovery.standard(configured, Map.of("PATH", path));
        List<ClientInstallation> found = discovery.installations();

        assertThat(discovery.configuredDir()).contains(configured);
        assertThat(found.get(0).binDir()).isEqualTo(configured);
        assertThat(found.get(found.size() - 1).binDir()).isEqualTo(path2);
        assertThat(found).extracting(ClientInstallation::binDir)
                .filteredOn(dir -> dir.startsWith(tmp))
                .containsExactly(configured, path1, path2);
    }

    @Test
    void aToolIsOfferedOnlyWhenItsProgramIsThere() throws IOException {
        Path bin = install(tmp, "partial", "15.2", ClientTool.PG_DUMP);
        ClientInstallation installation = new ClientInstallation(bin, new PgVersion(150002));

        assertThat(installation.tool(ClientTool.PG_DUMP)).contains(bin.resolve("pg_dump"));
        assertThat(installation.tool(ClientTool.PG_RESTORE)).isEmpty();
    }
}
