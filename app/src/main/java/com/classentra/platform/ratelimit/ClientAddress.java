package com.classentra.platform.ratelimit;

import com.vaadin.flow.server.VaadinServletRequest;

/** The address of the person behind the current Vaadin request, the key of per-address limits. */
public final class ClientAddress {

    private ClientAddress() {
    }

    /**
     * The remote address as the servlet container sees it; behind a proxy, the forwarded-headers strategy
     * (docs/operations.md) has already replaced it with the client's. "unknown" outside a request.
     */
    public static String current() {
        VaadinServletRequest request = VaadinServletRequest.getCurrent();
        return request == null ? "unknown" : request.getHttpServletRequest().getRemoteAddr();
    }
}
