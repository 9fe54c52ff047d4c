package io.backupdesk.app.instance;

import javafx.application.Platform;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What the running app does when a later launch hands over: shows the main window, which may be hidden in the tray
 * or minimised, brings it to the front, and opens a dump file the launch named in the restore wizard, as a file
 * dropped on the window is opened. Called on the hand-over thread, where it looks at the file; then it goes to the
 * FX thread once.
 */
public final class SecondLaunches implements Consumer<List<String>> {
    private static final Logger LOG = LoggerFactory.getLogger(SecondLaunches.class);

    private final Stage stage;
    private final Consumer<Path> openDump;

    /** @param openDump opens a dump file in the restore wizard; called on the FX thread */
    public SecondLaunches(Stage stage, Consumer<Path> openDump) {
        this.stage = stage;
        this.openDump = openDump;
    }

    @Override
    public void accept(List<String> arguments) {
        Optional<Path> dump = existingPath(arguments);
        Platform.runLater(() -> {
            // show() first: a window hidden in the tray is not brought back by toFront alone
            stage.show();
            stage.setIconified(false);
            stage.toFront();
            stage.requestFocus();
            dump.ifPresent(openDump);
            LOG.info("Brought the window forward for a second launch{}", dump.map(f -> "; opening " + f).orElse(""));
        });
    }

    /**
     * The first argument that names an existing file or folder (a directory-format dump is a folder). Only absolute
     * paths count: the second launch made its relative ones absolute, and ours would resolve against another folder.
     */
    static Optional<Path> existingPath(List<String> arguments) {
        for (String argument : arguments) {
            try {
                Path path = Path.of(argument);
                if (!argument.isBlank() && path.isAbsolute() && Files.exists(path)) {
                    return Optional.of(path);
                }
            } catch (InvalidPathException e) {
                // not a path
            }
        }
        return Optional.empty();
    }
}
