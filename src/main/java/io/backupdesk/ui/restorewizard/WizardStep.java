package io.backupdesk.ui.restorewizard;

/** The restore wizard's steps, in order. */
public enum WizardStep { SOURCE, TARGET, OPTIONS, PREFLIGHT, CONFIRM, RUN, REPORT }
