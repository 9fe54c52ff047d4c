package io.backupdesk.restore;

import io.backupdesk.core.BackupDeskException;
import io.backupdesk.core.Cancellation;
import io.backupdesk.core.ErrorKind;
import io.backupdesk.pg.ProcessRunner;
import io.backupdesk.pg.ToolCommand;
import io.backupdesk.pg.ToolErrors;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What only an archive's SQL says, not its table of contents: which table each index belongs to (so that a restore
 * of one table keeps its indexes) and which roles its privileges are granted to (so that pre-flight can name those
 * the target lacks). Read from {@code pg_restore --schema-only --file=-}: definitions only, no data.
 *
 * @param indexTables index "schema.name" to table "schema.name"
 * @param grantees    roles named by GRANT, REVOKE and ALTER DEFAULT PRIVILEGES, PUBLIC left out
 */
record ArchiveSql(Map<String, String> indexTables, Set<String> grantees) {
    static final ArchiveSql NONE = new ArchiveSql(Map.of(), Set.of());

    private static final String NAME = "(\"(?:[^\"]|\"\")+\"|[^ .,;\"(]+)";
    private static final Pattern INDEX_HEADER = Pattern.compile("^-- Name: (.+); Type: INDEX; Schema: (.+); Owner: .*$");
    private static final Pattern ON_TABLE = Pattern.compile(
            "^CREATE (?:UNIQUE )?INDEX .+? ON (?:ONLY )?" + NAME + "\\." + NAME + " ");
    private static final Pattern GRANTED = Pattern.compile("^(?:ALTER DEFAULT PRIVILEGES .*)?(?:GRANT .+ TO|REVOKE .+ FROM) "
            + NAME + "(?: WITH GRANT OPTION)?;$");
    private static final Pattern FOR_ROLE = Pattern.compile("^ALTER DEFAULT PRIVILEGES FOR ROLE " + NAME + " ");

    static ArchiveSql read(ProcessRunner runner, Path pgRestore, Path archive, Map<String, String> env,
                           Cancellation cancel) {
        List<String> lines = new ArrayList<>();
        ProcessRunner.Result result = runner.run(ToolCommand.of(pgRestore,
                        List.of("--schema-only", "--file=-", archive.toString()), env),
                in -> new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                        .filter(l -> l.startsWith("-- Name: ") || l.startsWith("CREATE ") || l.startsWith("GRANT ")
                                || l.startsWith("REVOKE ") || l.startsWith("ALTER DEFAULT PRIVILEGES "))
                        .forEach(lines::add),
                line -> { }, cancel, null);
        if (result.exitCode() != 0) {
            throw new BackupDeskException(ErrorKind.TOOL_FAILED, "pg_restore cannot read the definitions in "
                    + archive.getFileName() + ": " + ToolErrors.errorLine(result.stderrTail()),
                    "Verify the backup; a damaged archive cannot be restored.", result.stderrTail(), null);
        }
        return parse(lines);
    }

    static ArchiveSql parse(List<String> sql) {
        Map<String, String> tables = new HashMap<>();
        Set<String> grantees = new TreeSet<>();
        String index = null;
        for (String line : sql) {
            Matcher m;
            if ((m = INDEX_HEADER.matcher(line)).find()) {
                index = m.group(2) + "." + m.group(1);
            } else if (index != null && (m = ON_TABLE.matcher(line)).find()) {
                tables.put(index, unquote(m.group(1)) + "." + unquote(m.group(2)));
                index = null;
            } else if ((m = GRANTED.matcher(line)).find()) {
                grantees.add(unquote(m.group(1)));
                Matcher owner = FOR_ROLE.matcher(line);
                if (owner.find()) {
                    grantees.add(unquote(owner.group(1)));
                }
            }
        }
        grantees.remove("PUBLIC");
        return new ArchiveSql(tables, grantees);
    }

    static String unquote(String identifier) {
        return identifier.startsWith("\"")
                ? identifier.substring(1, identifier.length() - 1).replace("\"\"", "\"") : identifier;
    }
}
