package io.backupdesk.ui.backups;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A value of the details pane that wraps where a person would break it: at spaces, and inside a host name, a path or
 * an id after its dots, slashes, colons, dashes and underscores.
 *
 * <p>Why: the toolkit wraps a label at spaces only, and cuts a word wider than the pane anywhere
 * ("db.example.inter" / "nal:5432"); a host or a file's path is such a word.
 */
final class BreakableText {
    /** A word up to this long wraps whole as any word does; a longer one is broken after its separators. */
    static final int LONG_WORD = 16;
    private static final Pattern LONG = Pattern.compile("\\S{" + (LONG_WORD + 1) + ",}");
    /** After each run of spaces: the words. */
    private static final Pattern WORDS = Pattern.compile("(?<=\\s)(?=\\S)");
    /** After each separator of a long word. */
    private static final Pattern SEPARATORS = Pattern.compile("(?<=[/._:@,\\-])(?=[^/._:@,\\-])");
    private static final Pattern ONLY_SEPARATORS = Pattern.compile("[/._:@,\\-]+");
    /** The flow asks for little width of its own; the pane gives it what there is. */
    private static final double NARROW = 100;

    private BreakableText() { }

    /** A wrapped label; for a text with a long word, a flow of its pieces that wraps between any two. */
    static Node of(String text) {
        if (text == null || !LONG.matcher(text).find()) {
            return BackupDetailsPane.wrapped(text);
        }
        FlowPane flow = new FlowPane();
        flow.setPrefWrapLength(NARROW);
        for (String piece : pieces(text)) {
            Label label = new Label(piece);
            label.setMinWidth(Region.USE_PREF_SIZE);
            flow.getChildren().add(label);
        }
        return flow;
    }

    /**
     * The text cut after each space, and a long word after each of its separators ("15.8" stays whole); joined, the
     * pieces are the text.
     */
    static List<String> pieces(String text) {
        List<String> pieces = new ArrayList<>();
        for (String word : WORDS.split(text)) {
            if (word.strip().length() <= LONG_WORD) {
                pieces.add(word);
                continue;
            }
            String lead = "";
            for (String piece : SEPARATORS.split(word)) {
                // a path's leading slash goes with its first name, not on a line of its own
                if (ONLY_SEPARATORS.matcher(piece).matches()) {
                    lead += piece;
                } else {
                    pieces.add(lead + piece);
                    lead = "";
                }
            }
            if (!lead.isEmpty()) {
                pieces.add(lead);
            }
        }
        return pieces;
    }
}
