package io.backupdesk.crypto;

/** The refusals both kinds of stanza reader share. */
final class StanzaChecks {
    private StanzaChecks() { }

    /**
     * The spec allows a passphrase stanza only alone: whoever opens a file with a passphrase expects that it was made
     * by someone who knows the passphrase, and a public-key stanza beside it would let anyone make such a file.
     */
    static CryptoException scryptNotAlone() {
        return new CryptoException(CryptoException.Failure.REFUSED,
                "This file mixes a passphrase stanza with other recipients, which the age format forbids.",
                "Do not trust this file: neither age nor Backup Desk writes such a header.");
    }

    static CryptoException damaged(String what) {
        return new CryptoException(CryptoException.Failure.DAMAGED,
                "The encrypted file's header is damaged: " + what + ".",
                "Use another copy of the backup; this one cannot be decrypted.");
    }
}
