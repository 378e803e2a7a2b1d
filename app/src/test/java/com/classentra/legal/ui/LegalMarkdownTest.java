package com.classentra.legal.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Markdown of a legal document becomes components built from text: structure and safe links, never markup. */
class LegalMarkdownTest {

    @Test
    void headingsParagraphsAndListsBecomeTheirElements() {
        List<Component> blocks = blocks("""
                Intro paragraph
                over two lines.

                ## Data We Collect

                ### From sign-in

                - Email address
                - Role (teacher or student)

                3. third
                4. fourth
                """);

        assertThat(blocks).hasSize(5);
        assertThat(blocks.get(0)).isInstanceOf(Paragraph.class);
        assertThat(text(blocks.get(0))).isEqualTo("Intro paragraph over two lines.");
        assertThat(blocks.get(1)).isInstanceOf(H2.class);
        assertThat(blocks.get(2)).isInstanceOf(H3.class);
        UnorderedList bullets = (UnorderedList) blocks.get(3);
        assertThat(bullets.getChildren().map(LegalMarkdownTest::text)).containsExactly("Email address", "Role (teacher or student)");
        assertThat(bullets.getChildren()).allMatch(ListItem.class::isInstance);
        OrderedList numbered = (OrderedList) blocks.get(4);
        assertThat(numbered.getElement().getAttribute("start")).isEqualTo("3");
    }

    @Test
    void linksGoOnlyToTheWebMailOrThisSite() {
        List<Anchor> links = anchors("""
                [list](/subprocessors), <privacy@classentra.com>, [site](https://classentra.com/a),
                [bad](javascript:alert(1)), [bad2](JAVASCRIPT:alert(1)), [data](data:text/html;base64,PHNjcmlwdD4=),
                [other host](//evil.example/x), [vb](vbscript:msgbox)
                """);

        assertThat(links).extracting(Anchor::getHref)
                .containsExactly("/subprocessors", "mailto:privacy@classentra.com", "https://classentra.com/a");
    }

    @Test
    void markupInADocumentIsShownAsTextNeverInterpreted() {
        List<Component> blocks = blocks("""
                <script>alert(1)</script>

                Hello <img src=x onerror=alert(1)> world ![pic](https://tracker.example/p.png)
                """);

        assertThat(blocks).allMatch(Paragraph.class::isInstance);
        assertThat(text(blocks.get(0))).isEqualTo("<script>alert(1)</script>");
        assertThat(text(blocks.get(1))).isEqualTo("Hello <img src=x onerror=alert(1)> world pic");
        assertThat(blocks.stream().flatMap(LegalMarkdownTest::descendants))
                .allMatch(c -> c.getElement().getAttributeNames().noneMatch(name -> name.startsWith("on") || name.equals("src")));
    }

    private static List<Component> blocks(String markdown) {
        return LegalMarkdown.render(markdown).getChildren().toList();
    }

    private static List<Anchor> anchors(String markdown) {
        return blocks(markdown).stream().flatMap(LegalMarkdownTest::descendants).filter(Anchor.class::isInstance).map(Anchor.class::cast).toList();
    }

    private static Stream<Component> descendants(Component component) {
        return Stream.concat(Stream.of(component), component.getChildren().flatMap(LegalMarkdownTest::descendants));
    }

    private static String text(Component component) {
        return component.getElement().getTextRecursively();
    }
}
