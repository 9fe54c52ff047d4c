package io.backupdesk.ui.connections;

import java.util.List;

/**
 * What "Test connection" found, as the form shows it: a headline, detail lines, and for a failure the hint and the
 * tool's words.
 */
public record TestOutcome(boolean ok, String headline, List<String> lines, String hint) { }
