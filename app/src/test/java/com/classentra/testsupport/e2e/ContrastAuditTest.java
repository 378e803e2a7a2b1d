package com.classentra.testsupport.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.classentra.testsupport.e2e.ContrastAudit.Entry;
import com.classentra.testsupport.e2e.ContrastAudit.Layer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The arithmetic of the contrast check, on pairs whose WCAG ratios are known, so the check cannot pass by mistake. */
class ContrastAuditTest {

    private static final List<Layer> WHITE_PAGE = List.of(new Layer(Colour.parse("#ffffff"), 1, -1, false));

    @Test
    void knownPairsHaveTheirWcagRatios() {
        assertThat(ratio("#000000", "#ffffff")).isCloseTo(21, within(0.001));
        assertThat(ratio("#ffffff", "#ffffff")).isCloseTo(1, within(0.001));
        // The classic edge of AA: #767676 passes on white, #777777 does not.
        assertThat(ratio("#767676", "#ffffff")).isCloseTo(4.54, within(0.01));
        assertThat(ratio("#777777", "#ffffff")).isCloseTo(4.48, within(0.01));
        assertThat(ratio("#ffffff", "#2f5bd3")).isCloseTo(5.90, within(0.01));
        // The primary button in dark mode: white on light blue.
        assertThat(ratio("#ffffff", "#7d9cff")).isCloseTo(2.60, within(0.01));
        assertThat(ratio("#2f5bd3", "#ffffff")).isEqualTo(ratio("#ffffff", "#2f5bd3"));
    }

    @Test
    void readsTheColourSyntaxesChromiumReports() {
        assertThat(Colour.parse("rgb(47, 91, 211)")).isEqualTo(new Colour(47, 91, 211, 1));
        assertThat(Colour.parse("rgba(28, 48, 74, 0.52)")).isEqualTo(new Colour(28, 48, 74, 0.52));
        assertThat(Colour.parse("rgb(28 48 74 / 52%)")).isEqualTo(new Colour(28, 48, 74, 0.52));
        assertThat(Colour.parse("color(srgb 1 0.5 0 / 0.25)")).isEqualTo(new Colour(255, 127.5, 0, 0.25));
        assertThat(Colour.parse("color(srgb 0 0 1)")).isEqualTo(new Colour(0, 0, 255, 1));
        assertThat(Colour.parse("#2f5bd3")).isEqualTo(new Colour(47, 91, 211, 1));
        assertThat(Colour.parse("transparent").alpha()).isZero();
    }

    @Test
    void refusesColoursItCannotJudge() {
        assertThatThrownBy(() -> Colour.parse("oklch(0.5 0.1 200)")).hasMessageContaining("oklch(0.5 0.1 200)");
        assertThatThrownBy(() -> Colour.parse("color(display-p3 1 0 0)")).hasMessageContaining("sRGB");
    }

    @Test
    void translucentColoursArePaintedOverWhatLiesBelow() {
        assertThat(Colour.parse("rgba(0, 0, 0, 0.5)").over(Colour.WHITE)).isEqualTo(new Colour(127.5, 127.5, 127.5, 1));
        assertThat(Colour.TRANSPARENT.over(Colour.WHITE)).isEqualTo(Colour.WHITE);
        // A card of 50% black inside a page of white, at half opacity: a quarter of the way to black.
        List<Layer> chain = List.of(WHITE_PAGE.getFirst(), new Layer(Colour.parse("rgba(0, 0, 0, 0.5)"), 0.5, 0, false));
        assertThat(ContrastAudit.paint(chain, null)).isEqualTo(new Colour(191.25, 191.25, 191.25, 1));
        assertThat(ContrastAudit.paint(chain, Colour.parse("#000000"))).isEqualTo(new Colour(127.5, 127.5, 127.5, 1));
    }

    @Test
    void followsLayersFromTheRootDown() {
        List<Layer> layers = List.of(new Layer(Colour.WHITE, 1, -1, false), new Layer(Colour.parse("#2f5bd3"), 1, 0, false),
                new Layer(Colour.TRANSPARENT, 1, 1, false));
        assertThat(ContrastAudit.chain(2, layers)).containsExactly(layers.get(0), layers.get(1), layers.get(2));
    }

    @Test
    void largeTextIs24PxOrBoldFrom18Point66Px() {
        assertThat(ContrastAudit.required(24, 400)).isEqualTo(ContrastAudit.LARGE_TEXT);
        assertThat(ContrastAudit.required(18.66, 700)).isEqualTo(ContrastAudit.LARGE_TEXT);
        assertThat(ContrastAudit.required(18.66, 600)).isEqualTo(ContrastAudit.TEXT);
        assertThat(ContrastAudit.required(18, 700)).isEqualTo(ContrastAudit.TEXT);
        assertThat(ContrastAudit.required(14, 400)).isEqualTo(ContrastAudit.TEXT);
    }

    @Test
    void aFailureNamesTheElementItsTextTheColoursAndTheRatio() {
        List<Layer> layers = List.of(WHITE_PAGE.getFirst(), new Layer(Colour.parse("#7d9cff"), 1, 0, false));
        String failure = ContrastAudit.judge(text("#ffffff", 14, 600, 1), layers);
        assertThat(failure).contains("vaadin-button[theme=\"primary\"]", "\"Save\"", "#ffffff on #7d9cff", "2.6:1", "needs 4.5:1", "text 14px, weight 600");
        assertThat(ContrastAudit.judge(text("#10172a", 14, 600, 1), layers)).isNull();
        // Large text needs only 3:1, which 2.6:1 still misses.
        assertThat(ContrastAudit.judge(text("#ffffff", 24, 400, 1), layers)).contains("needs 3:1");
    }

    @Test
    void translucentTextIsJudgedAsItLooks() {
        // Lumo's secondary text is a translucent dark; at 40% it falls below 4.5:1 on white.
        assertThat(ContrastAudit.judge(text("rgba(0, 0, 0, 0.4)", 14, 400, 0), WHITE_PAGE)).contains("#999999 on #ffffff");
        assertThat(ContrastAudit.judge(text("rgba(0, 0, 0, 0.7)", 14, 400, 0), WHITE_PAGE)).isNull();
        assertThat(ContrastAudit.judge(text("rgba(0, 0, 0, 0)", 14, 400, 0), WHITE_PAGE)).as("invisible text").isNull();
    }

    @Test
    void aControlNeedsItsFillOrItsEdgeAt3To1AgainstWhatSurroundsIt() {
        List<Layer> layers = List.of(WHITE_PAGE.getFirst(), new Layer(Colour.parse("rgba(26, 57, 96, 0.1)"), 1, 0, false));
        assertThat(ContrastAudit.judge(control(List.of(), 1), layers)).contains("vaadin-text-field", "\"Title\"", "needs 3:1");
        assertThat(ContrastAudit.judge(control(List.of(Colour.TRANSPARENT), 1), layers)).as("a transparent ring").isNotNull();
        assertThat(ContrastAudit.judge(control(List.of(Colour.TRANSPARENT, Colour.parse("rgba(28, 48, 74, 0.52)")), 1), layers))
                .isNull();
    }

    @Test
    void anEntryOverAnImageIsNotGuessed() {
        List<Layer> layers = List.of(new Layer(Colour.WHITE, 1, -1, true), new Layer(Colour.parse("#7d9cff"), 1, 0, false));
        assertThat(ContrastAudit.judge(text("#ffffff", 14, 400, 1), layers)).isNull();
    }

    private static double ratio(String foreground, String background) {
        return Colour.parse(foreground).contrastWith(Colour.parse(background));
    }

    private static Entry text(String colour, double size, int weight, int layer) {
        return new Entry("text", "vaadin-button[theme=\"primary\"]", "Save", Colour.parse(colour), size, weight, layer, null, 1, List.of());
    }

    private static Entry control(List<Colour> edges, int layer) {
        return new Entry("control", "vaadin-text-field › vaadin-input-container[part=\"input-field\"]", "Title", null, 0, 0, layer,
                null, 1, edges);
    }
}
