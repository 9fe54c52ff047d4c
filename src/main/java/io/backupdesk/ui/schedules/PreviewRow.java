package io.backupdesk.ui.schedules;

import io.backupdesk.ui.Formats;
import io.backupdesk.ui.Messages;

/** One backup in the retention preview, its texts made once. */
public record PreviewRow(String created, String size, boolean delete, String verdict, String reason) {
    PreviewRow(ScheduleOperations.PreviewEntry entry) {
        this(Formats.time(entry.createdAt()), Formats.bytes(entry.sizeBytes()), entry.delete(),
                Messages.get(entry.delete() ? "schedules.preview.delete" : "schedules.preview.keep"), entry.reason());
    }
}
