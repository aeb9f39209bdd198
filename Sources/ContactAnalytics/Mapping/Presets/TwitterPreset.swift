extension ExportPreset {
    /// The customer-support-on-Twitter corpus: `tweet_id`, `author_id`, `inbound` (True for customers,
    /// False for the brand's own replies, which are excluded and counted), `created_at` like
    /// `Tue Oct 31 22:10:47 +0000 2017`, `text`. Every row is a social-media message.
    public static let twitter = ExportPreset(
        name: "twitter",
        summary: "customer support on Twitter (tweet_id, author_id, inbound, created_at, text)",
        mapping: [
            .contactID: ["tweet_id"], .customer: ["author_id"], .inbound: ["inbound"], .openedAt: ["created_at"],
            .text: ["text"],
        ],
        constants: [.channel: "social"])
}
