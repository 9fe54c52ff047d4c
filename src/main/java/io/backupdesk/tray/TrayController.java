package io.backupdesk.tray;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.awt.AWTException;
import java.awt.Dimension;
import java.awt.EventQueue;
import java.awt.GraphicsEnvironment;
import java.awt.Image;
import java.awt.Menu;
import java.awt.MenuItem;
import java.awt.PopupMenu;
import java.awt.SystemTray;
import java.awt.TrayIcon;
import java.lang.reflect.InvocationTargetException;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The tray icon and its menu: Open, Back up now ▸ (one entry per profile), Acknowledge the alerts behind a red or
 * amber icon (while there are any), Pause or Resume the schedules, Quit.
 * Plain AWT ({@link SystemTray}): the menu is rebuilt whole whenever the profiles or the pause state change, which a
 * wrapper that copies a JavaFX menu into AWT once did not allow. Every change runs on the AWT event thread, and the
 * actions are called there too; the caller hops to its own thread. {@link #close()} takes the icon out of the tray,
 * without which AWT's threads would keep the JVM alive after the app quit.
 */
public final class TrayController implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TrayController.class);

    /** What the menu does; called on the AWT event thread. */
    public interface Actions {
        void open();

        void backUpNow(String profile);

        void togglePause();

        /** Acknowledges these conditions, the alerts the icon showed when its menu was opened. */
        void acknowledge(List<String> conditions);

        void quit();
    }

    private final Actions actions;
    private final TrayTexts texts;
    private final Map<TrayState, Image> images = new EnumMap<>(TrayState.class);
    private final TrayIcon icon;
    private volatile TrayState shown = TrayState.OK;
    private List<String> profiles = List.of();
    private List<String> alerts = List.of();
    private boolean paused;

    /** Whether this desktop has a tray to put an icon in: not headless, and a tray host (panel) runs. */
    public static boolean supported() {
        try {
            return !GraphicsEnvironment.isHeadless() && SystemTray.isSupported();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    public TrayController(Actions actions, TrayTexts texts) {
        this.actions = actions;
        this.texts = texts;
        // drawn at the size the tray host asks for, so that no scaling blurs the 16-px shapes; X11 hosts show
        // transparent pixels as noise, so there the tile is square
        Dimension host = SystemTray.getSystemTray().getTrayIconSize();
        int size = Math.max(16, Math.min(host.width, host.height));
        boolean x11 = !System.getProperty("os.name", "").toLowerCase(Locale.ROOT).matches("(windows|mac).*");
        for (TrayState state : TrayState.values()) {
            images.put(state, TrayIcons.render(state, size, false, !x11));
        }
        this.icon = new TrayIcon(images.get(TrayState.OK), texts.get("tray.icon"), new PopupMenu());
        icon.addActionListener(e -> actions.open());
    }

    /** Puts the icon in the tray. */
    public void show() {
        EventQueue.invokeLater(() -> {
            rebuildMenu();
            try {
                SystemTray.getSystemTray().add(icon);
                LOG.info("Tray icon shown");
            } catch (AWTException e) {
                LOG.warn("The tray icon could not be shown: {}", e.getMessage());
            }
        });
    }

    /** Shows the state, the tooltip, the profiles to back up now, and whether the schedules are paused. */
    public void update(TrayStatus status, boolean pausedNow, List<String> profileNames) {
        List<String> names = List.copyOf(profileNames);
        EventQueue.invokeLater(() -> {
            if (status.state() != shown) {
                icon.setImage(images.get(status.state()));
                shown = status.state();
                LOG.info("Tray state {}", shown);
            }
            icon.setToolTip(status.tooltip());
            if (!names.equals(profiles) || pausedNow != paused || !status.alerts().equals(alerts)) {
                profiles = names;
                paused = pausedNow;
                alerts = List.copyOf(status.alerts());
                rebuildMenu();
            }
        });
    }

    private void rebuildMenu() {
        PopupMenu menu = icon.getPopupMenu();
        menu.removeAll();
        menu.add(item(texts.get("tray.menu.open"), actions::open));
        Menu backUpNow = new Menu(texts.get("tray.menu.backUpNow"));
        for (String profile : profiles) {
            backUpNow.add(item(profile, () -> actions.backUpNow(profile)));
        }
        backUpNow.setEnabled(!profiles.isEmpty());
        menu.add(backUpNow);
        if (!alerts.isEmpty()) {
            List<String> shown = alerts;
            menu.add(item(texts.get("tray.menu.acknowledge", shown.size()), () -> actions.acknowledge(shown)));
        }
        menu.add(item(texts.get(paused ? "tray.menu.resume" : "tray.menu.pause"), actions::togglePause));
        menu.addSeparator();
        menu.add(item(texts.get("tray.menu.quit"), actions::quit));
    }

    private static MenuItem item(String label, Runnable action) {
        MenuItem item = new MenuItem(label);
        item.addActionListener(e -> action.run());
        return item;
    }

    public TrayState state() {
        return shown;
    }

    public void info(String title, String text) {
        message(title, text, TrayIcon.MessageType.INFO);
    }

    public void warning(String title, String text) {
        message(title, text, TrayIcon.MessageType.WARNING);
    }

    public void error(String title, String text) {
        message(title, text, TrayIcon.MessageType.ERROR);
    }

    private void message(String title, String text, TrayIcon.MessageType type) {
        EventQueue.invokeLater(() -> icon.displayMessage(title, text, type));
    }

    @Override
    public void close() {
        Runnable remove = () -> SystemTray.getSystemTray().remove(icon);
        if (EventQueue.isDispatchThread()) {
            remove.run();
            return;
        }
        try {
            EventQueue.invokeAndWait(remove);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (InvocationTargetException e) {
            LOG.warn("Could not take the tray icon away: {}", e.getCause().getMessage());
        }
    }
}
