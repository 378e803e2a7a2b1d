package com.classentra.legal.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasComponents;
import com.vaadin.flow.component.Text;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import java.net.URI;
import java.util.Locale;
import java.util.Set;
import org.commonmark.node.BulletList;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.ListBlock;
import org.commonmark.node.Node;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.parser.Parser;

/**
 * The Markdown of a legal document as components: headings, paragraphs, lists and links. Everything is built
 * from text, never from HTML, so a document cannot inject markup; links go only to http(s), mailto and paths of
 * this site. Any other Markdown (emphasis, code, an image's description, raw HTML) shows as its plain text.
 */
final class LegalMarkdown {

    private static final Parser PARSER = Parser.builder().build();
    private static final Set<String> LINK_SCHEMES = Set.of("http", "https", "mailto");

    private LegalMarkdown() {
    }

    static Div render(String markdown) {
        Div document = new Div();
        document.addClassName("legal-document");
        addBlocks(document, PARSER.parse(markdown));
        return document;
    }

    private static void addBlocks(HasComponents container, Node parent) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNext()) {
            container.add(block(node));
        }
    }

    private static Component block(Node node) {
        return switch (node) {
            // The page's title is its only h1, so the document's headings start at h2.
            case Heading heading when heading.getLevel() <= 2 -> addInlines(new H2(), heading);
            case Heading heading when heading.getLevel() == 3 -> addInlines(new H3(), heading);
            case Heading heading -> addInlines(new H4(), heading);
            case org.commonmark.node.Paragraph paragraph -> addInlines(new Paragraph(), paragraph);
            case BulletList list -> addItems(new UnorderedList(), list);
            case org.commonmark.node.OrderedList list -> {
                OrderedList numbered = addItems(new OrderedList(), list);
                if (list.getMarkerStartNumber() != null && list.getMarkerStartNumber() != 1) {
                    numbered.getElement().setAttribute("start", String.valueOf(list.getMarkerStartNumber()));
                }
                yield numbered;
            }
            default -> new Paragraph(plainText(node).strip());
        };
    }

    /** A tight list's items hold their text directly, a loose list's items hold paragraphs, as in HTML renderers. */
    private static <L extends HasComponents> L addItems(L list, ListBlock block) {
        for (Node item = block.getFirstChild(); item != null; item = item.getNext()) {
            ListItem listItem = new ListItem();
            for (Node child = item.getFirstChild(); child != null; child = child.getNext()) {
                if (block.isTight() && child instanceof org.commonmark.node.Paragraph paragraph) {
                    addInlines(listItem, paragraph);
                } else {
                    listItem.add(block(child));
                }
            }
            list.add(listItem);
        }
        return list;
    }

    private static <C extends HasComponents> C addInlines(C container, Node parent) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNext()) {
            container.add(switch (node) {
                case Link link when isSafe(link.getDestination()) -> addInlines(new Anchor(link.getDestination(), ""), link);
                default -> new Text(plainText(node));
            });
        }
        return container;
    }

    /** http(s) and mailto links, and paths on this site; not javascript:, data: or another host through "//". */
    private static boolean isSafe(String destination) {
        try {
            URI uri = new URI(destination);
            return uri.getScheme() == null ? uri.getRawAuthority() == null && !destination.startsWith("//")
                    : LINK_SCHEMES.contains(uri.getScheme().toLowerCase(Locale.ROOT));
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    private static String plainText(Node node) {
        return switch (node) {
            case org.commonmark.node.Text text -> text.getLiteral();
            case org.commonmark.node.Code code -> code.getLiteral();
            case HtmlInline html -> html.getLiteral();
            case HtmlBlock html -> html.getLiteral();
            case FencedCodeBlock code -> code.getLiteral();
            case IndentedCodeBlock code -> code.getLiteral();
            case SoftLineBreak _, HardLineBreak _ -> " ";
            default -> {
                StringBuilder text = new StringBuilder();
                for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
                    text.append(plainText(child));
                }
                yield text.toString();
            }
        };
    }
}
