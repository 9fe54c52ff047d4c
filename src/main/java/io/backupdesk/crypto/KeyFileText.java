package io.backupdesk.crypto;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads key files as the untrusted input they are: bounded in size, UTF-8 text only, split into the lines that are
 * not blank and not {@code #} comments, and every failure a sentence rather than a stack trace.
 */
final class KeyFileText {
    /** age-keygen writes 190 bytes; a recipients file of a large team stays far below this. */
    static final int MAX_BYTES = 64 * 1024;

    /** One meaningful line and where it was, for messages that point at it without repeating it. */
    record Line(int number, String text) { }

    private KeyFileText() { }

    /**
     * The file's bytes. With {@code refuseLinks} a symbolic link is refused rather than followed (files inside the
     * key folder); a file the user names on purpose may be a link.
     */
    static byte[] read(Path file, boolean refuseLinks) {
        try {
            LinkOption[] noFollow = refuseLinks ? new LinkOption[] {LinkOption.NOFOLLOW_LINKS} : new LinkOption[0];
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class, noFollow);
            if (attributes.isSymbolicLink()) {
                throw problem("The key file " + file + " is a symbolic link; links in the key folder are not followed.",
                        "Put the key file itself in the folder, or import it.");
            }
            if (!attributes.isRegularFile()) {
                throw problem(file + " is not a regular file.", "Give the path of a key file.");
            }
            if (attributes.size() > MAX_BYTES) {
                throw problem(file + " is " + attributes.size() + " bytes, too large to be a key file.",
                        "Give an age key file (age-keygen writes one) or a file of age1… public keys.");
            }
            try (InputStream in = Files.newInputStream(file, (OpenOption[]) noFollow)) {
                byte[] content = in.readNBytes(MAX_BYTES + 1);
                if (content.length > MAX_BYTES) {
                    throw problem(file + " grew beyond " + MAX_BYTES + " bytes while it was read.", "Give a key file.");
                }
                return content;
            }
        } catch (NoSuchFileException e) {
            throw problem(file + " does not exist.", "Check the path.");
        } catch (AccessDeniedException e) {
            throw problem(file + " cannot be read: permission denied.", "Check the file's owner and permissions.");
        } catch (IOException e) {
            if (refuseLinks && Files.isSymbolicLink(file)) {
                throw problem("The key file " + file + " is a symbolic link; links in the key folder are not followed.",
                        "Put the key file itself in the folder, or import it.");
            }
            throw new CryptoException(CryptoException.Failure.IO, "Could not read " + file + ": " + e.getMessage(),
                    "Check the disk and the file's permissions.", e);
        }
    }

    /** The text of a key file; refuses bytes that are not UTF-8 (a binary file given by mistake). */
    static String decode(byte[] content, String source) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            throw new CryptoException(CryptoException.Failure.INVALID_KEY, source + " is not a text file.",
                    "Give an age key file (age-keygen writes one) or a file of age1… public keys.");
        }
    }

    /** The lines that carry keys: not blank, not comments; surrounding blanks and a BOM removed. */
    static List<Line> meaningfulLines(String text) {
        List<Line> lines = new ArrayList<>();
        String[] all = text.replace("\uFEFF", "").split("\r?\n", -1);
        for (int i = 0; i < all.length; i++) {
            String line = all[i].strip();
            if (!line.isEmpty() && !line.startsWith("#")) {
                lines.add(new Line(i + 1, line));
            }
        }
        return lines;
    }

    static CryptoException problem(String message, String hint) {
        return new CryptoException(CryptoException.Failure.KEY_STORE, message, hint);
    }

    /** Re-says a key's own complaint with the place it came from. */
    static CryptoException atLine(CryptoException e, String source, Line line) {
        return new CryptoException(e.failure(), "Line " + line.number() + " of " + source + ": " + e.getMessage(), e.hint());
    }
}
