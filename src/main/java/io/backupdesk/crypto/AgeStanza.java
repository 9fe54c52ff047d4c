package io.backupdesk.crypto;

import com.exceptionfactory.jagged.RecipientStanza;

import java.util.List;

/** One recipient stanza of an age header, as our scrypt writer makes it (Jagged keeps its own type private). */
record AgeStanza(String type, List<String> arguments, byte[] body) implements RecipientStanza {
    AgeStanza {
        arguments = List.copyOf(arguments);
        body = body.clone();
    }

    @Override
    public String getType() {
        return type;
    }

    @Override
    public List<String> getArguments() {
        return arguments;
    }

    @Override
    public byte[] getBody() {
        return body.clone();
    }
}
