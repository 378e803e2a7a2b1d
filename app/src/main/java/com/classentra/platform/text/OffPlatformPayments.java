package com.classentra.platform.text;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jsoup.Jsoup;

/**
 * Recognises links to payment and checkout sites outside the platform in text people write (chat messages, course
 * descriptions), so they can be flagged for fraud review: a teacher taking students' payments elsewhere escapes the
 * platform's refunds and records. It only flags; what happens next is a reviewer's decision.
 */
public final class OffPlatformPayments {

    /** Hosts (and their subdomains) whose purpose is taking a payment. */
    static final Set<String> PAYMENT_HOSTS = Set.of("paypal.com", "paypal.me", "venmo.com", "cash.app", "buy.stripe.com", "checkout.stripe.com",
            "revolut.me", "wise.com", "ko-fi.com", "buymeacoffee.com", "patreon.com", "gumroad.com", "square.link", "checkout.square.site",
            "payoneer.com", "skrill.com", "interac.ca", "etransfer.interac.ca", "lemonsqueezy.com", "paddle.com");

    private OffPlatformPayments() {
    }

    /** Why the HTML awaits review (the first payment site it links to), or empty when it links to none. */
    public static Optional<String> reason(String html) {
        if (html == null || html.isBlank()) {
            return Optional.empty();
        }
        return Jsoup.parse(html).select("a[href]").stream().map(a -> a.attr("href")).map(OffPlatformPayments::host)
                .flatMap(Optional::stream).filter(OffPlatformPayments::isPaymentHost).findFirst()
                .map(host -> "links to a payment site outside the platform (" + host + ")");
    }

    private static Optional<String> host(String href) {
        try {
            return Optional.ofNullable(URI.create(href.strip()).getHost()).map(h -> h.toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static boolean isPaymentHost(String host) {
        return PAYMENT_HOSTS.stream().anyMatch(payment -> host.equals(payment) || host.endsWith("." + payment));
    }
}
