package com.classentra.plugin.api.payments;

/** The provider's refund id and status ("succeeded", "pending", ...). */
public record RefundResult(String refundId, String status) {
}
