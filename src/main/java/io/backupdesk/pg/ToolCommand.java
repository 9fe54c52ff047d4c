package io.backupdesk.pg;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A program and its arguments as a list (never a shell string), plus the environment changes for it: a null value
 * removes an inherited variable.
 */
public record ToolCommand(List<String> arguments, Map<String, String> environment) {
    public ToolCommand {
        arguments = List.copyOf(arguments);
        environment = Collections.unmodifiableMap(new HashMap<>(environment));
    }

    public static ToolCommand of(Path program, List<String> args, Map<String, String> environment) {
        List<String> all = new ArrayList<>();
        all.add(program.toString());
        all.addAll(args);
        return new ToolCommand(all, environment);
    }

    /** The program's file name, for messages and thread names. */
    public String toolName() {
        String program = Path.of(arguments.get(0)).getFileName().toString();
        return program.endsWith(".exe") ? program.substring(0, program.length() - 4) : program;
    }
}
