package com.classentra.legal;

import com.classentra.legal.PolicyDocuments.Document;
import com.classentra.legal.SubprocessorList.Subprocessor;
import com.classentra.plugin.api.Slot;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The privacy policy as served: the parts of its text that name processors are placeholders, filled from the same
 * {@link SubprocessorList} as /subprocessors, so the policy never names a company that is not in use nor leaves out
 * one that is. The version's hash covers the text around them (what /legal/privacy.txt serves); the list itself
 * changes only with the notice the subprocessor page gives.
 *
 * <ul>
 * <li>{@code {{subprocessor-list}}}: one line per company that receives personal data</li>
 * <li>{@code {{subprocessor-regions}}}: where they process it, for the transfers section</li>
 * <li>{@code {{processor:<slot>}}}: the company serving a slot, or what the service does without one</li>
 * </ul>
 */
@Component
public class PolicyText {

    private static final Pattern SLOT_PLACEHOLDER = Pattern.compile("\\{\\{processor:([a-z-]+)}}");

    private final SubprocessorList subprocessors;

    PolicyText(SubprocessorList subprocessors) {
        this.subprocessors = subprocessors;
    }

    /** The document's Markdown, its placeholders filled from the subprocessors in service. */
    public String markdown(Document document) {
        String markdown = document.markdown();
        if (!markdown.contains("{{")) {
            return markdown;
        }
        List<Subprocessor> active = subprocessors.active();
        String filled = markdown.replace("{{subprocessor-list}}", list(active)).replace("{{subprocessor-regions}}", regions(active));
        Matcher slots = SLOT_PLACEHOLDER.matcher(filled);
        return slots.replaceAll(match -> Matcher.quoteReplacement(processor(Slot.fromKey(match.group(1)))));
    }

    private static String list(List<Subprocessor> active) {
        if (active.isEmpty()) {
            return "No third party receives personal data: every part of this service runs on its own servers.";
        }
        return active.stream().map(row -> "- " + row.legalEntity() + " — " + row.purpose() + " (" + row.location() + ")")
                .collect(Collectors.joining("\n"));
    }

    private static String regions(List<Subprocessor> active) {
        if (active.isEmpty()) {
            return "No subprocessor receives personal data, so none is transferred to another company: it stays where this service's own servers are.";
        }
        return "This service's subprocessors process personal data in these places: "
                + active.stream().map(row -> row.legalEntity() + " (" + row.location() + ")").collect(Collectors.joining("; ")) + ".";
    }

    private String processor(Slot slot) {
        return subprocessors.servingSlot(slot).map(Subprocessor::legalEntity)
                .orElseGet(() -> switch (slot) {
                    case VIDEO -> "no third party: live classes use the meeting links teachers add";
                    case PAYMENTS -> "no payment processor: payments are not enabled on this service";
                    default -> "this service's own servers";
                });
    }
}
