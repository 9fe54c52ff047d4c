package io.backupdesk.jobs;

import io.backupdesk.restore.PreflightCheck;
import io.backupdesk.restore.roles.RolesPreview;

import java.util.List;
import java.util.Optional;

/**
 * What a restore of one backup would do, before anything changes: its pre-flight checks, and when the backup's roles
 * file is restored first, that step's preview (the roles it creates, those there and left as they are).
 */
public record RestoreCheck(List<PreflightCheck> checks, Optional<RolesPreview> roles) {
    public RestoreCheck {
        checks = List.copyOf(checks);
    }
}
