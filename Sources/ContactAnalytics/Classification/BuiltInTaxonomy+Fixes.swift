extension BuiltInTaxonomy {
    /// The candidate fix of each built-in cause and its one-line suggestion, by path: every avoidable cause
    /// has one, and the value-demand causes that self-service or an answer written once can take over. Causes
    /// left out (most public-service requests, praise, cancellations) have none: their contacts are the
    /// service itself, and only their repeats are avoidable.
    static let fixes: [String: (CauseFix, String)] = [
        // Retail
        "delivery/where-is-my-order": (.proactiveMessage, "Send tracking and delivery-time updates before the customer asks; show the delivery time in the order confirmation."),
        "delivery/late-delivery": (.proactiveMessage, "Tell the customer about a delay, with a new date, as soon as it is known."),
        "delivery/damaged-in-transit": (.processFix, "Improve packaging and carrier handling; offer a self-service damage claim with a photo."),
        "delivery/wrong-or-missing-item": (.processFix, "Fix picking and packing checks (scan at packing) for the items that go wrong."),
        "delivery/change-delivery": (.selfService, "Let the customer change the address or delivery time in the tracking page."),
        "returns/return-request": (.selfService, "Offer a self-service return flow with a printable label."),
        "returns/refund": (.proactiveMessage, "Refund automatically when the return arrives, and say so with the amount and date."),
        "returns/exchange": (.selfService, "Offer exchanges in the self-service return flow; add a size guide to the product page."),
        // Billing and payments
        "billing/duplicate-charge": (.processFix, "Find and stop the double charge in billing or payment processing; refund automatically."),
        "billing/wrong-invoice": (.processFix, "Fix the billing rule or data that produces wrong invoices."),
        "billing/invoice-unclear": (.faq, "Rewrite the invoice so it explains itself; link a FAQ on reading the invoice."),
        "billing/invoice-question": (.selfService, "Let customers see copies, due dates and the delivery method of invoices online."),
        "billing/reminders-and-collection": (.selfService, "Offer a self-service payment plan or due-date change."),
        "payments/payment-failed": (.processFix, "Find why checkout payments fail (provider, 3-D Secure, card types) and fix it."),
        "payments/payment-question": (.faq, "Answer the payment methods and questions on the payment page and in the FAQ."),
        // Account
        "account/account-locked": (.selfService, "Let the customer unlock the account alone, with a verified reset."),
        "account/login-problem": (.selfService, "Make the self-service password reset and login help work on every device."),
        "account/account-details": (.selfService, "Let customers change their details online."),
        "account/close-or-privacy": (.selfService, "Offer account closure and personal-data requests as a self-service form."),
        // Contracts and pre-sales
        "contract/change-plan": (.selfService, "Let customers compare and change plans online."),
        "contract/contract-question": (.faq, "Answer terms, renewal and notice periods in the FAQ and on the customer's page."),
        "presales/pricing-and-offers": (.faq, "Put prices, offer terms and discount-code help on the product pages."),
        "presales/product-question": (.faq, "Answer the common product questions on the product page (sizes, compatibility)."),
        // Technical
        "technical/app-or-website-error": (.processFix, "Fix the app and website errors customers report most; monitor them."),
        "technical/service-outage": (.proactiveMessage, "Announce outages and their expected end on a status page and by message."),
        "technical/streaming-and-playback": (.processFix, "Fix the playback faults customers report most; add a troubleshooting page."),
        "technical/product-defect": (.processFix, "Feed defects back to product quality and the supplier; offer a self-service warranty claim."),
        "technical/how-to": (.faq, "Write clear setup and how-to guides where customers look (box, app, help centre)."),
        "technical/technical-support": (.faq, "Publish troubleshooting guides for the common faults."),
        // Travel and hospitality
        "booking/travel-disruption": (.proactiveMessage, "Tell travellers of delays and cancellations with their options, before they call."),
        "booking/cancel-booking": (.selfService, "Offer self-service cancellation in the booking."),
        "booking/change-booking": (.selfService, "Offer self-service rebooking."),
        "booking/lost-baggage": (.selfService, "Offer an online baggage report with status tracking."),
        "booking/check-in-and-boarding": (.processFix, "Fix the online check-in faults; send the boarding pass proactively."),
        "booking/hotel-stay": (.processFix, "Make the stay match the booking: room types, availability and confirmations."),
        "booking/booking-refund": (.proactiveMessage, "Refund cancelled bookings automatically and tell the customer when."),
        // Complaints about the service
        "service/no-response": (.processFix, "Answer every contact: callbacks kept, no e-mail left unanswered."),
        "service/waiting-time": (.processFix, "Staff to the arrival pattern and offer callbacks instead of queues."),
        "service/service-quality": (.processFix, "Coach on the contacts that drew complaints; review the scripts and policies behind them."),
        "service/general-complaint": (.processFix, "Read the complaints to find the failing process; give them a more specific cause."),
        // Public service
        "public-service/missed-collection": (.processFix, "Fix the collection routes that miss pick-ups; report a missed pick-up online."),
        "public-service/heat-and-hot-water": (.processFix, "Enforce heating duties on the landlords with repeated failures."),
        // Banking
        "banking/credit-report-dispute": (.processFix, "Correct the data at its source and investigate disputes properly."),
        "banking/fraud-or-identity-theft": (.processFix, "Strengthen fraud detection and make undoing fraud quick."),
        "banking/card-charges-and-fees": (.faq, "Explain card charges, fees and interest on the statement and in the FAQ."),
        // Telecom
        "telecom/slow-internet": (.processFix, "Fix capacity where speeds fall short; offer a self-service speed test and line check."),
        "telecom/services-not-ordered": (.processFix, "Bill only what was ordered; stop charges when a service is cancelled."),
        "telecom/installation-and-technician": (.proactiveMessage, "Confirm visits and send the technician's arrival time on the day."),
        "telecom/misleading-sales": (.processFix, "Align what sales promise with the product and the bill."),
        "telecom/billing-dispute": (.processFix, "Fix the billing errors behind disputes; credit outages automatically."),
        "telecom/equipment": (.processFix, "Credit returned equipment automatically; state rental charges when ordered."),
        "telecom/contract-dispute": (.processFix, "Send the contract terms in writing at sale, and keep them."),
        "telecom/moving-service": (.selfService, "Offer a self-service move that carries the service over."),
        "telecom/email-service": (.processFix, "Fix the mailbox faults; publish mail settings in the FAQ."),
        "telecom/price-increase": (.proactiveMessage, "Announce price changes early, with the reason and the options."),
        // IT service desk
        "it-service/access-request": (.selfService, "Offer access requests through a self-service catalogue with approvals."),
        "it-service/hardware": (.processFix, "Replace equipment on schedule; keep spares for the common failures."),
        "it-service/software-request": (.selfService, "Offer software through a self-service catalogue."),
        "it-service/network-and-vpn": (.faq, "Publish VPN and network-drive guides; fix the recurring network faults."),
        // Energy
        "energy/meter-reading": (.selfService, "Read meters remotely, or let customers submit readings online."),
        "energy/estimated-bill": (.proactiveMessage, "Ask for a reading before an estimated bill; explain estimates on the bill."),
        "energy/power-outage": (.proactiveMessage, "Announce outages and restoration times on an outage map and by message."),
        "energy/tariff-or-contract-switch": (.selfService, "Let customers compare and switch tariffs online."),
        "energy/moving-in-or-out": (.selfService, "Offer a self-service move-in and move-out form."),
        // Insurance
        "insurance/claim-denied": (.processFix, "Make cover terms clear before purchase; review the denials that are contested most."),
        "insurance/claim-status": (.proactiveMessage, "Show claim progress online and message each step."),
        "insurance/policy-change": (.selfService, "Let customers change their cover online."),
        // SaaS
        "saas/login-and-sso": (.faq, "Publish SSO set-up guides per identity provider; fix the common sign-in faults."),
        "saas/bug-or-outage": (.processFix, "Fix the bugs that create the most contacts; announce outages on a status page."),
        "saas/subscription-billing": (.faq, "Explain subscription charges in the billing page and FAQ; warn before renewals."),
        "saas/data-export": (.selfService, "Offer data export in the product."),
        "saas/integration": (.faq, "Document the API and connectors with examples."),
        "saas/feature-how-to": (.faq, "Add in-product guidance and help articles for the features asked about most."),
    ]
}
