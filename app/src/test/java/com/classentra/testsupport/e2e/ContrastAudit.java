package com.classentra.testsupport.e2e;

import com.microsoft.playwright.Page;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * WCAG AA contrast of what a page shows now: 4.5:1 for text, 3:1 for large text (24px, or 18.66px bold), for the
 * boundaries of fields, checkboxes and radio buttons, and for icons in buttons and links. {@code contrast-audit.js}
 * gathers the colours in the browser (through shadow roots); the arithmetic is here, in plain Java, so it is unit
 * tested. Each colour is painted over its ancestors' backgrounds and opacities up to a white canvas, so
 * semi-transparent Lumo tokens are judged as they look. Limits: a background image is not looked at (an entry over
 * a {@code url()} image is skipped, a gradient counts as the colour under it), nor a positioned element that is not
 * an ancestor of what it covers.
 */
final class ContrastAudit {

    static final double TEXT = 4.5;
    static final double LARGE_TEXT = 3;
    static final double NON_TEXT = 3;

    private static final String SCRIPT = read("contrast-audit.js");

    /** One element's background and opacity, and the index of its parent's layer (-1 for the root). */
    record Layer(Colour background, double opacity, int parent, boolean image) {
    }

    /** What the script reports for one element; {@code colour} is null for a control, {@code edges} empty unless one. */
    record Entry(String kind, String element, String text, Colour colour, double fontSize, int fontWeight, int layer,
            Colour ownBackground, double ownOpacity, List<Colour> edges) {
    }

    private ContrastAudit() {
    }

    /** Every contrast failure on the page now, each naming the element, its text, the colours and the ratio. */
    static List<String> failures(Page page) {
        Map<?, ?> result = (Map<?, ?>) page.evaluate(SCRIPT);
        List<Layer> layers = ((List<?>) result.get("layers")).stream().map(item -> layer((Map<?, ?>) item)).toList();
        List<String> failures = new ArrayList<>();
        for (Object item : (List<?>) result.get("entries")) {
            String failure = judge(entry((Map<?, ?>) item), layers);
            if (failure != null) {
                failures.add(failure);
            }
        }
        return failures;
    }

    /** Null when the entry meets its threshold (or cannot be judged: over an image, or fully transparent). */
    static String judge(Entry entry, List<Layer> layers) {
        List<Layer> chain = chain(entry.layer(), layers);
        if (chain.stream().anyMatch(Layer::image) || chain.stream().anyMatch(layer -> layer.opacity() == 0)) {
            return null;
        }
        if (entry.kind().equals("control")) {
            Colour backdrop = paint(chain.subList(0, chain.size() - 1), null);
            Colour fill = paint(chain, null);
            // The fill or any outline may set the control apart; the best of them counts.
            Colour edge = entry.edges().stream().map(colour -> paint(chain, colour))
                    .max(Comparator.comparingDouble(colour -> colour.contrastWith(backdrop))).orElse(fill);
            double ratio = Math.max(fill.contrastWith(backdrop), edge.contrastWith(backdrop));
            return ratio >= NON_TEXT ? null : "%s \"%s\": boundary %s (fill %s) against %s is %s, needs %s".formatted(entry.element(),
                    entry.text(), edge.hex(), fill.hex(), backdrop.hex(), ratio(ratio), ratio(NON_TEXT));
        }
        if (entry.colour().alpha() == 0) {
            return null;
        }
        List<Layer> withOwn = new ArrayList<>(chain);
        withOwn.add(new Layer(entry.ownBackground() == null ? Colour.TRANSPARENT : entry.ownBackground(), entry.ownOpacity(), -1, false));
        Colour foreground = paint(withOwn, entry.colour());
        Colour background = paint(withOwn, null);
        double ratio = foreground.contrastWith(background);
        boolean graphic = entry.kind().equals("graphic");
        double needed = graphic ? NON_TEXT : required(entry.fontSize(), entry.fontWeight());
        String what = graphic ? "icon" : "text %spx, weight %d".formatted(ratio(entry.fontSize()).replace(":1", ""), entry.fontWeight());
        return ratio >= needed ? null : "%s \"%s\": %s on %s is %s, needs %s (%s)".formatted(entry.element(), entry.text(),
                foreground.hex(), background.hex(), ratio(ratio), ratio(needed), what);
    }

    /** WCAG's large text: at least 18pt (24px), or 14pt (18.66px) and bold. */
    static double required(double fontSizePx, int fontWeight) {
        boolean large = fontSizePx >= 24 || (fontSizePx >= 18.66 && fontWeight >= 700);
        return large ? LARGE_TEXT : TEXT;
    }

    /** The layers from the root down to {@code index}. */
    static List<Layer> chain(int index, List<Layer> layers) {
        List<Layer> chain = new ArrayList<>();
        for (int i = index; i >= 0; i = layers.get(i).parent()) {
            chain.addFirst(layers.get(i));
        }
        return chain;
    }

    /**
     * The colour of one pixel: the layers' backgrounds painted root first over the white canvas, then
     * {@code content} (a glyph or an outline; null for the background beside it). An element's opacity fades it
     * and everything inside it into what lies below.
     */
    static Colour paint(List<Layer> chain, Colour content) {
        return paint(chain, 0, Colour.WHITE, content);
    }

    private static Colour paint(List<Layer> chain, int from, Colour backdrop, Colour content) {
        if (from == chain.size()) {
            return content == null ? backdrop : content.over(backdrop);
        }
        Layer layer = chain.get(from);
        Colour inside = paint(chain, from + 1, layer.background().over(backdrop), content);
        return backdrop.towards(inside, layer.opacity());
    }

    /** Two decimals at most, rounded down, so a ratio just under a threshold never reads as meeting it. */
    private static String ratio(double ratio) {
        return BigDecimal.valueOf(Math.floor(ratio * 100) / 100).stripTrailingZeros().toPlainString() + ":1";
    }

    private static Layer layer(Map<?, ?> item) {
        return new Layer(Colour.parse((String) item.get("background")), ((Number) item.get("opacity")).doubleValue(),
                ((Number) item.get("parent")).intValue(), Boolean.TRUE.equals(item.get("image")));
    }

    private static Entry entry(Map<?, ?> item) {
        return new Entry((String) item.get("kind"), (String) item.get("element"), (String) item.get("text"), colour(item.get("color")),
                ((Number) item.get("fontSize")).doubleValue(), ((Number) item.get("fontWeight")).intValue(),
                ((Number) item.get("layer")).intValue(), colour(item.get("ownBackground")),
                ((Number) item.get("ownOpacity")).doubleValue(), ((List<?>) item.get("edges")).stream().map(ContrastAudit::colour).toList());
    }

    private static Colour colour(Object css) {
        return css == null ? null : Colour.parse((String) css);
    }

    private static String read(String resource) {
        try (InputStream in = ContrastAudit.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing test resource " + resource + " beside ContrastAudit");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
