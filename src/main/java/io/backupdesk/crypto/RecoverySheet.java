package io.backupdesk.crypto;

import io.backupdesk.core.ShellQuoting;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The text of a key's recovery sheet: what someone needs, years later and without Backup Desk, to open the backups
 * encrypted to this key with the standard {@code age} tool and restore them with the PostgreSQL tools. It names the
 * key, its public keys, where its secret key file is and whether a passphrase protects it, and gives the exact
 * command lines per kind of backup file. It never holds a secret: not the secret key, not a passphrase.
 *
 * <p>The command lines use two words to fill in, {@value #BACKUP} (a backup's file name without its endings) and
 * {@value #DATABASE} (the database to restore into); the key file's path is quoted for a POSIX shell, so a line can
 * be pasted as it is. The texts are English, like the command line's: the sheet is a document to print and keep, read
 * by whoever is on duty, not a screen of this app.
 */
public final class RecoverySheet {
    /** Stands for a backup's file name without its endings, e.g. {@code sales_20261206-020000}. */
    public static final String BACKUP = "BACKUP";
    /** Stands for the database to restore into. */
    public static final String DATABASE = "DBNAME";
    /** Stands for the secret key file when it is not on this computer. */
    public static final String KEY_FILE = "KEYFILE";

    private static final String RULE = "=".repeat(72);

    private RecoverySheet() { }

    /**
     * The sheet of one key.
     *
     * @param secretFile where the key's secret key file is in the key store ({@link AgeKeyStore#secretFile}); named
     *                   on the sheet only when the key has its secret key here
     * @param written    when the sheet is written, so that an old printout can be told from a new one
     */
    public static String of(StoredKey key, Path secretFile, Instant written) {
        String keyFile = key.hasSecretKey() ? ShellQuoting.quote(secretFile.toString()) : KEY_FILE;
        StringBuilder sheet = new StringBuilder();
        line(sheet, "BACKUP DESK FOR POSTGRESQL - RECOVERY SHEET");
        line(sheet, "Key \"" + key.name() + "\", written " + written.truncatedTo(ChronoUnit.SECONDS));
        line(sheet, RULE);
        line(sheet, "");
        line(sheet, "Backups encrypted to this key can be opened ONLY with its secret key.");
        line(sheet, "Without the secret key these backups cannot be restored, by anyone.");
        line(sheet, "This sheet holds no secret: keep it with your recovery papers.");
        line(sheet, "");
        keyPart(sheet, key, secretFile);
        commandsPart(sheet, key, keyFile);
        return sheet.toString();
    }

    private static void keyPart(StringBuilder sheet, StoredKey key, Path secretFile) {
        heading(sheet, "THE KEY");
        line(sheet, "Name: " + key.name());
        line(sheet, key.recipients().size() == 1 ? "Public key (it encrypts; it may be shared):"
                : "Public keys (they encrypt; they may be shared):");
        if (key.recipients().isEmpty()) {
            line(sheet, "    (none readable: " + key.problem() + ")");
        }
        for (AgeRecipient recipient : key.recipients()) {
            line(sheet, "    " + recipient.publicKey());
        }
        line(sheet, "");
        if (key.hasSecretKey()) {
            line(sheet, "Secret key file on this computer:");
            line(sheet, "    " + secretFile);
            if (key.passphraseProtected()) {
                line(sheet, "It is protected by a passphrase: age asks for it when it decrypts.");
                line(sheet, "Without the passphrase the file is of no use: keep the passphrase apart from this sheet.");
            } else {
                line(sheet, "It is not protected by a passphrase: whoever has a copy can open the backups.");
            }
            line(sheet, "");
            line(sheet, "KEEP A COPY OF THIS FILE ELSEWHERE: on a USB stick in a safe, in a password manager,");
            line(sheet, "or printed. If this computer is lost, the copy is the only way back.");
        } else {
            line(sheet, "The secret key is NOT on this computer: only its public key is kept here.");
            line(sheet, "Backups encrypted to it are restored wherever its secret key file is.");
            line(sheet, "In the commands below, " + KEY_FILE + " stands for that file's path.");
        }
        line(sheet, "");
    }

    private static void commandsPart(StringBuilder sheet, StoredKey key, String keyFile) {
        heading(sheet, "RESTORE WITHOUT BACKUP DESK");
        line(sheet, "You need: age (age-encryption.org) and the PostgreSQL client programs.");
        line(sheet, "Run the commands in the folder of the backup file. Put the file's name without its");
        line(sheet, "endings in place of " + BACKUP + ", and the database to restore into in place of " + DATABASE + ".");
        line(sheet, "Make that database first if it does not exist:  createdb " + DATABASE);
        line(sheet, "Connection options (-h HOST -p PORT -U USER) go after pg_restore or psql as usual.");
        if (key.hasSecretKey()) {
            line(sheet, "On another computer, use the path of your copy of the secret key file instead of");
            line(sheet, keyFile + ".");
        }
        line(sheet, "");
        format(sheet, "Custom format, " + BACKUP + ".dump.age:", List.of(
                decryptToFile(keyFile, ".dump"),
                "pg_restore -d " + DATABASE + " " + BACKUP + ".dump"),
                List.of("age -d -i " + keyFile + " " + BACKUP + ".dump.age | pg_restore -d " + DATABASE));
        format(sheet, "Tar format, " + BACKUP + ".tar.age:", List.of(
                decryptToFile(keyFile, ".tar"),
                "pg_restore -d " + DATABASE + " " + BACKUP + ".tar"), List.of());
        format(sheet, "Plain SQL, " + BACKUP + ".sql.gz.age:", List.of(
                "age -d -i " + keyFile + " " + BACKUP + ".sql.gz.age | gunzip | psql -d " + DATABASE), List.of());
        format(sheet, "Plain SQL without compression, " + BACKUP + ".sql.age:", List.of(
                "age -d -i " + keyFile + " " + BACKUP + ".sql.age | psql -d " + DATABASE), List.of());
        format(sheet, "Roles saved beside a backup, " + BACKUP + ".globals.sql.age (restore them first):", List.of(
                "age -d -i " + keyFile + " " + BACKUP + ".globals.sql.age | psql -d postgres"), List.of());
        heading(sheet, "BACKUPS ENCRYPTED WITH A PASSPHRASE INSTEAD OF THIS KEY");
        line(sheet, "age asks for the passphrase; no key file is needed. For example, custom format:");
        line(sheet, "    age -d -o " + BACKUP + ".dump " + BACKUP + ".dump.age");
        line(sheet, "    pg_restore -d " + DATABASE + " " + BACKUP + ".dump");
        line(sheet, "The other formats likewise: age -d -o NAME NAME.age, then restore NAME as above.");
        line(sheet, "");
        heading(sheet, "CHECK");
        line(sheet, "A custom-format backup opens with this key when this prints PGDMP, its first bytes:");
        line(sheet, "    age -d -i " + keyFile + " " + BACKUP + ".dump.age | head -c 5");
    }

    private static String decryptToFile(String keyFile, String ending) {
        return "age -d -i " + keyFile + " -o " + BACKUP + ending + " " + BACKUP + ending + ".age";
    }

    private static void format(StringBuilder sheet, String title, List<String> steps, List<String> oneLine) {
        line(sheet, title);
        for (String step : steps) {
            line(sheet, "    " + step);
        }
        if (!oneLine.isEmpty()) {
            line(sheet, "  or in one line:");
            for (String step : oneLine) {
                line(sheet, "    " + step);
            }
        }
        line(sheet, "");
    }

    private static void heading(StringBuilder sheet, String title) {
        line(sheet, title);
        line(sheet, "-".repeat(title.length()));
    }

    private static void line(StringBuilder sheet, String text) {
        sheet.append(text).append('\n');
    }
}
