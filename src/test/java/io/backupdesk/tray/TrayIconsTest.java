package io.backupdesk.tray;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The mark the app draws at run time is the one the packages carry: the icons rendered from the SVG sources in
 * {@code icons/} and the Java2D drawing differ only in how their edges are smoothed.
 */
class TrayIconsTest {
    private static final Path ICONS = Path.of("icons");

    @ParameterizedTest
    @CsvSource({"png/backupdesk-64.png, , 64", "png/backupdesk-256.png, , 256", "tray/png/failed-48.png, FAILED, 48",
            "tray/png/ok-32.png, OK, 32", "tray/png/stale-64.png, STALE, 64", "tray/png/running-64.png, RUNNING, 64"})
    void theDrawnMarkMatchesTheRenderedSvg(String file, TrayState state, int size) throws IOException {
        BufferedImage rendered = ImageIO.read(ICONS.resolve(file).toFile());
        BufferedImage drawn = state == null ? TrayIcons.appIcon(size, false) : TrayIcons.render(state, size, false);

        assertThat(meanDifference(rendered, drawn)).as(file).isLessThan(6.0);
    }

    /** The mean absolute difference per channel, 0-255, over all pixels, with transparent pixels as black. */
    private static double meanDifference(BufferedImage a, BufferedImage b) {
        long sum = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                int p = premultiplied(a.getRGB(x, y));
                int q = premultiplied(b.getRGB(x, y));
                for (int shift = 0; shift < 24; shift += 8) {
                    sum += Math.abs(((p >> shift) & 0xff) - ((q >> shift) & 0xff));
                }
            }
        }
        return sum / (3.0 * a.getWidth() * a.getHeight());
    }

    private static int premultiplied(int argb) {
        int alpha = argb >>> 24;
        int r = ((argb >> 16) & 0xff) * alpha / 255;
        int g = ((argb >> 8) & 0xff) * alpha / 255;
        int b = (argb & 0xff) * alpha / 255;
        return (r << 16) | (g << 8) | b;
    }
}
