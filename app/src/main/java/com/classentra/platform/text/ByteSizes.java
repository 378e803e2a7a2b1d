package com.classentra.platform.text;

import java.util.Locale;

/** A size in bytes as people read it: "512 B", "34 KB", "2.5 MB", "1.2 GB". */
public final class ByteSizes {

    private static final double KB = 1024;
    private static final double MB = KB * 1024;
    private static final double GB = MB * 1024;

    private ByteSizes() {
    }

    public static String label(long bytes) {
        if (bytes < KB) {
            return bytes + " B";
        }
        if (bytes < MB) {
            return String.format(Locale.ENGLISH, "%.0f KB", bytes / KB);
        }
        if (bytes < GB) {
            return String.format(Locale.ENGLISH, "%.1f MB", bytes / MB);
        }
        return String.format(Locale.ENGLISH, "%.1f GB", bytes / GB);
    }
}
