package io.github.fiffkit.app.gui;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Image;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * The application's icon, drawn with Java2D rather than kept as a picture file: the window shows it at the sizes the
 * desktop asks for, and the package build writes the same drawing to a PNG for the desktop entry
 * ({@code java -cp mne-anonymize.jar io.github.fiffkit.app.gui.AppIcon icon.png 128}), so the two never drift apart.
 * The drawing: a head seen from above inside a ring of MEG sensors, its name covered by a black bar.
 */
public final class AppIcon {
    /** The sizes the window offers the desktop (task bars, window menus, switchers). */
    static final int[] WINDOW_SIZES = {16, 24, 32, 48, 64, 128};

    private static final Color BACKGROUND = new Color(0x1F4E79);
    private static final Color SENSOR = new Color(0xF2C14E);
    private static final int SENSORS = 12;

    private AppIcon() {
    }

    /**
     * Draws the icon.
     *
     * @param size width and height in pixels, at least 8
     * @return a new ARGB image, transparent in the corners
     * @throws IllegalArgumentException for a size below 8
     */
    public static BufferedImage draw(int size) {
        if (size < 8) {
            throw new IllegalArgumentException("icon size " + size + " is below 8 pixels");
        }
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            double s = size;
            g.setColor(BACKGROUND);
            g.fill(new RoundRectangle2D.Double(0, 0, s, s, s * 0.25, s * 0.25));

            // the head, seen from above, with the nose at the top
            double head = s * 0.46;
            double cx = s / 2;
            double cy = s * 0.53;
            g.setColor(Color.WHITE);
            g.fill(new Ellipse2D.Double(cx - head / 2, cy - head / 2, head, head * 1.04));
            double nose = s * 0.09;
            g.fill(new Ellipse2D.Double(cx - nose / 2, cy - head / 2 - nose * 0.55, nose, nose));

            // the sensor ring of the helmet
            g.setColor(SENSOR);
            double ring = s * 0.355;
            double dot = Math.max(1.5, s * 0.075);
            for (int i = 0; i < SENSORS; i++) {
                double angle = 2 * Math.PI * i / SENSORS;
                double x = cx + ring * Math.cos(angle);
                double y = cy + ring * Math.sin(angle);
                g.fill(new Ellipse2D.Double(x - dot / 2, y - dot / 2, dot, dot));
            }

            // the black bar over the name
            double barHeight = s * 0.14;
            g.setColor(Color.BLACK);
            g.fill(new RoundRectangle2D.Double(s * 0.16, cy - barHeight / 2, s * 0.68, barHeight, barHeight * 0.4,
                    barHeight * 0.4));
            if (size >= 32) {
                g.setColor(Color.WHITE);
                g.setStroke(new BasicStroke((float) (s * 0.012)));
                g.draw(new RoundRectangle2D.Double(s * 0.16, cy - barHeight / 2, s * 0.68, barHeight,
                        barHeight * 0.4, barHeight * 0.4));
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    /** @return the icon at every size of {@link #WINDOW_SIZES}, for {@code Window.setIconImages} */
    static List<Image> windowImages() {
        List<Image> images = new ArrayList<>();
        for (int size : WINDOW_SIZES) {
            images.add(draw(size));
        }
        return images;
    }

    /**
     * Writes the icon as a PNG file; the package build calls it for the desktop entry's icon.
     *
     * @param args the PNG file to write, and optionally its size in pixels (default 128)
     * @throws IOException when the file cannot be written
     */
    public static void main(String[] args) throws IOException {
        if (args.length < 1 || args.length > 2) {
            System.err.println("usage: AppIcon FILE.png [SIZE]");
            System.exit(2);
        }
        int size = args.length == 2 ? Integer.parseInt(args[1]) : 128;
        Path file = Path.of(args[0]);
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        if (!ImageIO.write(draw(size), "png", file.toFile())) {
            throw new IOException("no PNG writer for " + file);
        }
    }
}
