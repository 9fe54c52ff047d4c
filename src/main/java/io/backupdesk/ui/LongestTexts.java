package io.backupdesk.ui;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * The few texts of a column most likely to be its widest, by their length, so that only those are measured in the
 * cells' font: measuring every text of ten thousand rows held the window up for seconds. A text's drawn width follows
 * its length closely enough that the widest is among the {@value #CANDIDATES} longest; a bold text or an icon beside
 * it counts as that many characters more.
 */
final class LongestTexts {
    static final int CANDIDATES = 32;
    /** An average character of the cells' font, to weigh an icon's or an indent's pixels against letters. */
    private static final double CHARACTER = 7;
    private static final double BOLD = 1.1;

    /** A text as a cell draws it. */
    record Candidate(String text, boolean bold, double extra) {
        double score() {
            return text.length() * (bold ? BOLD : 1) + extra / CHARACTER;
        }
    }

    private final PriorityQueue<Candidate> shortestFirst = new PriorityQueue<>(Comparator.comparingDouble(Candidate::score));
    private final Set<Candidate> held = new HashSet<>();

    void offer(String text, boolean bold, double extra) {
        if (text == null || text.isEmpty()) {
            return;
        }
        Candidate candidate = new Candidate(text, bold, extra);
        if (shortestFirst.size() == CANDIDATES && candidate.score() <= shortestFirst.peek().score()) {
            return;
        }
        if (!held.add(candidate)) {
            return;
        }
        shortestFirst.add(candidate);
        if (shortestFirst.size() > CANDIDATES) {
            held.remove(shortestFirst.poll());
        }
    }

    List<Candidate> candidates() {
        return new ArrayList<>(shortestFirst);
    }
}
