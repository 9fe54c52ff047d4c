package io.backupdesk.pg;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** Folders of tiny shell scripts that answer {@code --version} like the real client programs. */
final class FakeClientTools {
    private FakeClientTools() { }

    /** A bin folder with pg_dump, pg_restore and pg_dumpall of this version. */
    static Path install(Path parent, String folder, String version) throws IOException {
        return install(parent, folder, version, ClientTool.PG_DUMP, ClientTool.PG_RESTORE, ClientTool.PG_DUMPALL);
    }

    static Path install(Path parent, String folder, String version, ClientTool... tools) throws IOException {
        Path bin = Files.createDirectories(parent.resolve(folder));
        for (ClientTool tool : tools) {
            script(bin.resolve(tool.executableName()),
                    "if [ \"$1\" = \"--version\" ]; then echo \"" + tool.baseName() + " (PostgreSQL) " + version + "\"; exit 0; fi\n"
                            + "exit 1\n");
        }
        return bin;
    }

    static Path script(Path file, String body) throws IOException {
        Files.writeString(file, "#!/bin/sh\n" + body);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }
}
