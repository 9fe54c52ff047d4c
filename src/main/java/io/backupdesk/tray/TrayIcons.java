package io.backupdesk.tray;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Arc2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;

/**
 * Draws the app's mark and the tray icon of each state at any size: a white database drum on a navy tile, and in the
 * tray a badge whose colour and sign tell the state (a tick, a ring, an exclamation mark, a cross), so that it still
 * reads at 16 px and for those who do not tell red from green. The dark variant has a lighter tile that stands out on
 * a dark panel.
 */
public final class TrayIcons {
    private static final Color NAVY = new Color(0x1E3A8A);
    private static final Color NAVY_ON_DARK = new Color(0x3B82F6);
    private static final Color OK = new Color(0x16A34A);
    private static final Color RUNNING = new Color(0x0284C7);
    private static final Color STALE = new Color(0xD97706);
    private static final Color FAILED = new Color(0xDC2626);

    private TrayIcons() { }

    /** The app's mark without a badge. */
    public static BufferedImage appIcon(int size, boolean dark) {
        return tile(size, dark, true);
    }

    /** The tray icon for a state, with rounded corners. */
    public static BufferedImage render(TrayState state, int size, boolean dark) {
        return render(state, size, dark, true);
    }

    /**
     * The tray icon for a state.
     *
     * @param rounded false for a square tile without transparent corners: X11 tray hosts show AWT's transparent
     *                pixels as noise, so there the tile fills the whole icon
     */
    public static BufferedImage render(TrayState state, int size, boolean dark, boolean rounded) {
        BufferedImage image = tile(size, dark, rounded);
        Graphics2D g = start(image);
        drawBadge(g, state, size);
        g.dispose();
        return image;
    }

    private static BufferedImage tile(int size, boolean dark, boolean rounded) {
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = start(image);
        drawTile(g, size, dark, rounded);
        g.dispose();
        return image;
    }

    private static Graphics2D start(BufferedImage image) {
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        return g;
    }

    private static void drawTile(Graphics2D g, int size, boolean dark, boolean rounded) {
        double s = size;
        g.setColor(dark ? NAVY_ON_DARK : NAVY);
        double corner = rounded ? s * 0.36 : 0;
        g.fill(new RoundRectangle2D.Double(0, 0, s, s, corner, corner));
        // the drum: a top ellipse, straight sides and two rims below
        double left = s * 0.22;
        double width = s * 0.56;
        double top = s * 0.16;
        double rim = s * 0.16;
        double height = s * 0.62;
        g.setColor(Color.WHITE);
        Path2D body = new Path2D.Double();
        body.moveTo(left, top + rim / 2);
        body.lineTo(left, top + height - rim / 2);
        body.append(new Arc2D.Double(left, top + height - rim, width, rim, 180, 180, Arc2D.OPEN), true);
        body.lineTo(left + width, top + rim / 2);
        body.closePath();
        g.fill(body);
        g.setColor(dark ? NAVY_ON_DARK : NAVY);
        float line = (float) Math.max(1, s / 16);
        g.setStroke(new BasicStroke(line));
        g.draw(new Arc2D.Double(left, top + height * 0.36, width, rim, 180, 180, Arc2D.OPEN));
        g.draw(new Arc2D.Double(left, top + height * 0.64, width, rim, 180, 180, Arc2D.OPEN));
        g.setColor(Color.WHITE);
        g.fill(new Ellipse2D.Double(left, top, width, rim));
        g.setColor(dark ? NAVY_ON_DARK : NAVY);
        g.draw(new Ellipse2D.Double(left, top, width, rim));
    }

    private static void drawBadge(Graphics2D g, TrayState state, int size) {
        double s = size;
        double d = s * 0.56;
        double x = s - d;
        double y = s - d;
        g.setColor(Color.WHITE);
        g.fill(new Ellipse2D.Double(x - s * 0.05, y - s * 0.05, d + s * 0.1, d + s * 0.1));
        g.setColor(switch (state) {
            case OK -> OK;
            case RUNNING -> RUNNING;
            case STALE -> STALE;
            case FAILED -> FAILED;
        });
        g.fill(new Ellipse2D.Double(x, y, d, d));
        g.setColor(Color.WHITE);
        g.setStroke(new BasicStroke((float) Math.max(1.5, s / 9), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        double cx = x + d / 2;
        double cy = y + d / 2;
        double r = d * 0.26;
        switch (state) {
            case OK -> {
                Path2D tick = new Path2D.Double();
                tick.moveTo(cx - r, cy);
                tick.lineTo(cx - r * 0.25, cy + r * 0.75);
                tick.lineTo(cx + r, cy - r * 0.7);
                g.draw(tick);
            }
            case RUNNING -> g.draw(new Arc2D.Double(cx - r, cy - r, 2 * r, 2 * r, 90, 270, Arc2D.OPEN));
            case STALE -> {
                g.draw(new Line2D.Double(cx, cy - r, cx, cy + r * 0.2));
                g.draw(new Line2D.Double(cx, cy + r * 0.9, cx, cy + r * 0.9));
            }
            case FAILED -> {
                g.draw(new Line2D.Double(cx - r * 0.8, cy - r * 0.8, cx + r * 0.8, cy + r * 0.8));
                g.draw(new Line2D.Double(cx - r * 0.8, cy + r * 0.8, cx + r * 0.8, cy - r * 0.8));
            }
        }
    }
}
