package io.backupdesk.app;

import io.backupdesk.tray.TrayIcons;
import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The app's mark in the sizes window managers and task bars pick from, drawn by the same code as the tray icon, so
 * the window and the tray show one mark.
 */
final class WindowIcons {
    private static final int[] SIZES = {16, 24, 32, 48, 64, 128, 256};

    private WindowIcons() { }

    static List<Image> all() {
        return IntStream.of(SIZES).mapToObj(size -> toFx(TrayIcons.appIcon(size, false))).toList();
    }

    /** Pixel for pixel, without javafx-swing. */
    private static Image toFx(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        int[] argb = image.getRGB(0, 0, w, h, null, 0, w);
        WritableImage fx = new WritableImage(w, h);
        fx.getPixelWriter().setPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
        return fx;
    }
}
