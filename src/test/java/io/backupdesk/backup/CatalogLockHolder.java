package io.backupdesk.backup;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Another process on the same catalog: holds a folder's lock until its standard input closes. It says
 * {@value #HELD} once it holds it, so that the test waits on that line, never on a clock.
 */
public final class CatalogLockHolder {
    static final String HELD = "held";

    private CatalogLockHolder() { }

    public static void main(String[] args) throws IOException {
        CatalogLock.whileHolding(Path.of(args[0]), () -> {
            System.out.println(HELD);
            System.out.flush();
            System.in.readAllBytes();
            return null;
        });
    }
}
