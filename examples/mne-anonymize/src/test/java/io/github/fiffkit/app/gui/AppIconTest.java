package io.github.fiffkit.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.Image;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The icon the window shows and the package build writes for the desktop entry; no display needed. */
class AppIconTest {
    @TempDir
    Path dir;

    @Test
    void theDrawingHasARoundedBackgroundAHeadAndABlackBar() {
        BufferedImage icon = AppIcon.draw(128);
        assertEquals(128, icon.getWidth());
        assertEquals(128, icon.getHeight());
        assertEquals(0, icon.getRGB(0, 0) >>> 24, "rounded corner is transparent");
        assertEquals(0xFF1F4E79, icon.getRGB(8, 64), "background at the left edge");
        assertEquals(0xFF000000, icon.getRGB(64, 68), "the bar across the middle");
        assertEquals(0xFFFFFFFF, icon.getRGB(64, 50), "the head above the bar");
    }

    @Test
    void theWindowGetsOneImagePerSize() {
        List<Image> images = AppIcon.windowImages();
        assertEquals(AppIcon.WINDOW_SIZES.length, images.size());
        for (int i = 0; i < images.size(); i++) {
            assertEquals(AppIcon.WINDOW_SIZES[i], images.get(i).getWidth(null));
        }
    }

    @Test
    void tooSmallASizeIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AppIcon.draw(4));
        assertEquals("icon size 4 is below 8 pixels", e.getMessage());
    }

    @Test
    void mainWritesThePngThePackageUses() throws Exception {
        Path png = dir.resolve("icons/mne_anonymize.png");
        AppIcon.main(new String[] {png.toString(), "64"});
        BufferedImage read = ImageIO.read(png.toFile());
        assertEquals(64, read.getWidth());
        assertEquals(AppIcon.draw(64).getRGB(32, 34), read.getRGB(32, 34));
    }
}
