package io.backupdesk.ui.connections;

/**
 * One database a server connection found on its server, as "Find databases" lists it.
 *
 * @param excluded the connection's patterns leave it out of the set
 */
public record FoundDatabase(String name, boolean excluded) { }
