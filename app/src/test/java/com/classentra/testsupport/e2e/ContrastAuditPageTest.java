package com.classentra.testsupport.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * What {@code contrast-audit.js} finds on a small page of known cases, in Chromium without the application: text in
 * and through shadow roots, translucency, input values, generated labels, field boundaries (fill, inset ring or
 * dashed outline) and icons, and what WCAG
 * or sight exempts (disabled controls, hidden and visually hidden text).
 */
@Tag("browser")
class ContrastAuditPageTest {

    private static final String PAGE = """
            <html><body style="margin: 0; background: #ffffff; color: #000000; font: 14px sans-serif">
            <p>Readable</p>
            <p style="color: #aaaaaa">Faint grey</p>
            <div style="background: #7d9cff"><span style="color: #ffffff">White on light blue</span></div>
            <h1 style="font-size: 32px; color: #aaaaaa">Large grey heading</h1>
            <x-card>Slotted into white</x-card>
            <p style="opacity: 0.3">Faded paragraph</p>
            <input value="Typed value" style="color: #bbbbbb">
            <p class="labelled" data-label="Generated label"></p>
            <button disabled style="color: #cccccc">Disabled button</button>
            <span style="position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0)">Screen reader only</span>
            <p style="display: none; color: #eeeeee">Not displayed</p>
            <p style="visibility: hidden; color: #eeeeee">Not visible</p>
            <x-field id="faint-field"></x-field>
            <x-field id="outlined-field" outlined></x-field>
            <x-field id="dashed-field" dashed></x-field>
            <button><vaadin-icon style="display: inline-block; width: 16px; height: 16px; color: #dddddd"></vaadin-icon></button>
            <style>.labelled::before { content: attr(data-label); color: #cccccc; }</style>
            <script>
              customElements.define('x-card', class extends HTMLElement {
                constructor() {
                  super();
                  this.attachShadow({mode: 'open'}).innerHTML =
                      '<div style="background: #7d9cff; color: #ffffff"><slot></slot> <b>Shadow text</b></div>';
                }
              });
              customElements.define('x-field', class extends HTMLElement {
                connectedCallback() {
                  const ring = this.hasAttribute('outlined') ? 'box-shadow: inset 0 0 0 1px rgba(0, 0, 0, 0.6);' : '';
                  const dashes = this.hasAttribute('dashed')
                      ? '<style>div::after { content: ""; position: absolute; inset: 0; border: 1px dashed #666666; }</style>' : '';
                  this.attachShadow({mode: 'open'}).innerHTML = dashes + '<div part="input-field" style="position: relative; '
                      + 'height: 20px; background: rgba(0, 0, 0, 0.05);' + ring + '"></div>';
                }
              });
            </script>
            </body></html>""";

    private static HeadlessChromium chromium;
    private static Browser browser;

    @BeforeAll
    static void launch() {
        chromium = HeadlessChromium.launch();
        browser = chromium.browser();
    }

    @AfterAll
    static void close() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void findsEveryKnownFailureAndNothingExempt() {
        Page page = browser.newPage();
        page.setContent(PAGE);
        List<String> failures = ContrastAudit.failures(page);

        assertThat(failures).anySatisfy(f -> assertThat(f).contains("\"Faint grey\"", "#aaaaaa on #ffffff", "needs 4.5:1"));
        assertThat(failures).anySatisfy(f -> assertThat(f).contains("\"White on light blue\"", "#ffffff on #7d9cff", "2.6:1"));
        assertThat(failures).anySatisfy(f -> assertThat(f).contains("\"Large grey heading\"", "needs 3:1"));
        assertThat(failures).as("a slotted text takes its colour from the slot's shadow tree")
                .anySatisfy(f -> assertThat(f).contains("x-card", "\"Slotted into white\"", "#ffffff on #7d9cff"));
        assertThat(failures).anySatisfy(f -> assertThat(f).contains("x-card › b", "\"Shadow text\""));
        assertThat(failures).anySatisfy(f -> assertThat(f).contains("\"Faded paragraph\"", "#b3b3b3 on #ffffff"));
        assertThat(failures).anySatisfy(f -> assertThat(f).contains("input", "\"Typed value\"", "#bbbbbb"));
        assertThat(failures).anySatisfy(f -> assertThat(f).contains("p.labelled", "::before Generated label"));
        assertThat(failures).anySatisfy(f -> assertThat(f).contains("x-field#faint-field › div[part=\"input-field\"]", "needs 3:1"));
        assertThat(failures).anySatisfy(f -> assertThat(f).contains("button > vaadin-icon", "#dddddd on #efefef", "needs 3:1 (icon)"));
        assertThat(failures).as("exempt or passing").noneSatisfy(f -> assertThat(f).containsAnyOf("\"Readable\"", "Disabled button",
                "Screen reader only", "Not displayed", "Not visible", "outlined-field", "dashed-field"));
        assertThat(failures).hasSize(10);
    }
}
