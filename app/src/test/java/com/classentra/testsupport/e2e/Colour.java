package com.classentra.testsupport.e2e;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An sRGB colour as a browser's computed style reports it (channels 0-255, alpha 0-1), with the arithmetic of
 * WCAG 2.x contrast: relative luminance, contrast ratio and source-over compositing.
 */
record Colour(double red, double green, double blue, double alpha) {

    static final Colour WHITE = new Colour(255, 255, 255, 1);
    static final Colour TRANSPARENT = new Colour(0, 0, 0, 0);

    private static final Pattern FUNCTION = Pattern.compile("(rgba?|color)\\((.*)\\)");
    private static final Pattern HEX = Pattern.compile("#([0-9a-fA-F]{3}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})");

    /**
     * Reads {@code rgb()}/{@code rgba()} (comma or space syntax), {@code color(srgb ...)} (what Chromium reports for
     * {@code color-mix()}), hex and {@code transparent}. Anything else fails loudly, so no colour is ever guessed.
     */
    static Colour parse(String css) {
        String value = css.trim().toLowerCase(Locale.ROOT);
        if (value.equals("transparent")) {
            return TRANSPARENT;
        }
        Matcher hex = HEX.matcher(value);
        if (hex.matches()) {
            return fromHex(hex.group(1));
        }
        Matcher function = FUNCTION.matcher(value);
        if (!function.matches()) {
            throw new IllegalArgumentException("The contrast check cannot read the colour '" + css + "'");
        }
        String[] colourAndAlpha = function.group(2).split("/");
        String[] channels = colourAndAlpha[0].trim().split("[\\s,]+");
        boolean srgb = function.group(1).equals("color");
        if (srgb && !channels[0].equals("srgb")) {
            throw new IllegalArgumentException("The contrast check reads only sRGB colours, not '" + css + "'");
        }
        int first = srgb ? 1 : 0;
        if (channels.length - first < 3 || channels.length - first > 4 || colourAndAlpha.length > 2) {
            throw new IllegalArgumentException("The contrast check cannot read the colour '" + css + "'");
        }
        double alpha = colourAndAlpha.length == 2 ? fraction(colourAndAlpha[1].trim())
                : channels.length - first == 4 ? fraction(channels[first + 3]) : 1;
        return new Colour(channel(channels[first], srgb), channel(channels[first + 1], srgb), channel(channels[first + 2], srgb), alpha);
    }

    /** 0-255 from a percentage, a number of rgb() or a 0-1 number of color(srgb). */
    private static double channel(String text, boolean unitRange) {
        if (text.endsWith("%")) {
            return Double.parseDouble(text.substring(0, text.length() - 1)) / 100 * 255;
        }
        return Double.parseDouble(text) * (unitRange ? 255 : 1);
    }

    private static double fraction(String text) {
        return text.endsWith("%") ? Double.parseDouble(text.substring(0, text.length() - 1)) / 100 : Double.parseDouble(text);
    }

    private static Colour fromHex(String digits) {
        String full = digits.length() == 3 ? digits.replaceAll("(.)", "$1$1") : digits;
        double alpha = full.length() == 8 ? Integer.parseInt(full.substring(6, 8), 16) / 255.0 : 1;
        return new Colour(Integer.parseInt(full.substring(0, 2), 16), Integer.parseInt(full.substring(2, 4), 16),
                Integer.parseInt(full.substring(4, 6), 16), alpha);
    }

    /** This colour painted over {@code below} (source-over); over an opaque colour the result is opaque. */
    Colour over(Colour below) {
        double outAlpha = alpha + below.alpha * (1 - alpha);
        if (outAlpha == 0) {
            return TRANSPARENT;
        }
        return new Colour(channel(red, below.red, below.alpha, outAlpha), channel(green, below.green, below.alpha, outAlpha),
                channel(blue, below.blue, below.alpha, outAlpha), outAlpha);
    }

    private double channel(double top, double bottom, double bottomAlpha, double outAlpha) {
        return (top * alpha + bottom * bottomAlpha * (1 - alpha)) / outAlpha;
    }

    /** The blend of this colour (weight 0) and {@code other} (weight 1), as group opacity produces it. */
    Colour towards(Colour other, double weight) {
        return new Colour(red + (other.red - red) * weight, green + (other.green - green) * weight,
                blue + (other.blue - blue) * weight, alpha + (other.alpha - alpha) * weight);
    }

    /** WCAG 2.x relative luminance of the colour as if opaque. */
    double luminance() {
        return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue);
    }

    private static double linear(double channel) {
        double c = channel / 255;
        return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }

    /** WCAG 2.x contrast ratio, from 1 (same luminance) to 21 (black and white). */
    double contrastWith(Colour other) {
        double lighter = Math.max(luminance(), other.luminance());
        double darker = Math.min(luminance(), other.luminance());
        return (lighter + 0.05) / (darker + 0.05);
    }

    /** {@code #rrggbb}, plus alpha digits when not opaque: how failures name colours. */
    String hex() {
        String rgb = String.format("#%02x%02x%02x", Math.round(red), Math.round(green), Math.round(blue));
        return alpha >= 1 ? rgb : rgb + String.format("%02x", Math.round(alpha * 255));
    }
}
