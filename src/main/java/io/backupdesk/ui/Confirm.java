package io.backupdesk.ui;

import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;

/**
 * The one question asked before anything is deleted, dropped or cancelled. The action's button says what it does
 * ("Drop sales_before_20261206"), and Cancel is the default, so that Enter never destroys anything.
 */
public final class Confirm {
    /** Wide enough for a database name and a sentence; high as the question needs. */
    private static final WindowSizes.Request SIZE = new WindowSizes.Request(500, 0, 360, 150);

    private Confirm() { }

    /**
     * Asks, and waits for the answer.
     *
     * @param question names exactly what will go: the database, the files, the schedule
     * @param action   the button's text, a verb, e.g. "Delete" or "Drop sales_before_20261206"
     * @return whether the user chose the action
     */
    public static boolean ask(Window owner, String title, String question, String action) {
        return build(owner, title, question, action).showAndWait().filter(b -> b.getButtonData() == ButtonBar.ButtonData.OK_DONE)
                .isPresent();
    }

    /** Asks over the window that holds {@code near}, and does the action only when the user chose it. */
    public static void before(Node near, Question question, Runnable action) {
        if (ask(near.getScene().getWindow(), question.title(), question.text(), question.action())) {
            action.run();
        }
    }

    /** The dialog, not shown yet; {@link #ask} shows it. */
    static Alert build(Window owner, String title, String question, String action) {
        ButtonType act = new ButtonType(action, ButtonBar.ButtonData.OK_DONE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, question, ButtonType.CANCEL, act);
        if (owner != null) {
            alert.initOwner(owner);
        }
        alert.setTitle(title);
        alert.setHeaderText(null);
        Button actButton = (Button) alert.getDialogPane().lookupButton(act);
        actButton.setId("confirm-action");
        actButton.setDefaultButton(false);
        // the action names databases and files, whose underscores are no mnemonics ("Drop sales_before_…")
        actButton.setMnemonicParsing(false);
        // and it is as wide as its name: the bar's uniform width cut it short beside Cancel
        ButtonBar.setButtonUniformSize(actButton, false);
        actButton.getStyleClass().add(Styles.Theme.DANGER);
        Button cancel = (Button) alert.getDialogPane().lookupButton(ButtonType.CANCEL);
        cancel.setId("confirm-cancel");
        cancel.setDefaultButton(true);
        WindowSizes.size(alert, SIZE);
        return alert;
    }
}
