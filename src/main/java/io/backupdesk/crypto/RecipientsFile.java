package io.backupdesk.crypto;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A recipients file as {@code age -R} reads it: one {@code age1…} public key a line, with blank lines and
 * {@code #} comments. Holds no secret.
 */
public final class RecipientsFile {
    private RecipientsFile() { }

    /** Reads a recipients file the user names (it may be a link). */
    public static List<AgeRecipient> read(Path file) {
        String source = file.toString();
        return parse(KeyFileText.decode(KeyFileText.read(file, false), source), source);
    }

    /** Parses recipients-file text; {@code source} names it in messages. At least one key must be present. */
    public static List<AgeRecipient> parse(String text, String source) {
        List<AgeRecipient> recipients = new ArrayList<>();
        for (KeyFileText.Line line : KeyFileText.meaningfulLines(text)) {
            try {
                recipients.add(AgeRecipient.parse(line.text()));
            } catch (CryptoException e) {
                throw KeyFileText.atLine(e, source, line);
            }
        }
        if (recipients.isEmpty()) {
            throw new CryptoException(CryptoException.Failure.INVALID_KEY, source + " holds no public key.",
                    "Put one age1… public key on a line.");
        }
        return List.copyOf(recipients);
    }

    /** The text of a recipients file: the comment lines first (each prefixed with {@code # }), then the keys. */
    public static String format(List<AgeRecipient> recipients, List<String> comments) {
        StringBuilder text = new StringBuilder();
        for (String comment : comments) {
            text.append("# ").append(comment.replaceAll("[\r\n]+", " ")).append('\n');
        }
        for (AgeRecipient recipient : recipients) {
            text.append(recipient.publicKey()).append('\n');
        }
        return text.toString();
    }
}
