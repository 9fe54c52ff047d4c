package io.backupdesk.cli;

import picocli.CommandLine;

/** The version from the jar's manifest; "development build" when run from classes. */
final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = VersionProvider.class.getPackage().getImplementationVersion();
        return new String[] {"Backup Desk " + (version == null ? "(development build)" : version)};
    }
}
