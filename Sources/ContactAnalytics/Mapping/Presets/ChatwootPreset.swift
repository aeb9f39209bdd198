extension ExportPreset {
    /// Chatwoot conversations as its API gives them (`GET .../conversations`: `{"data": {"meta": ...,
    /// "payload": [...]}}`): `id`, `created_at` in Unix seconds, `status` (open, pending, snoozed,
    /// resolved), `meta.sender.id` / `email` / `phone_number`, `meta.channel` (`Channel::Email`,
    /// `Channel::WebWidget`, `Channel::Whatsapp`, ...), `meta.assignee.name`, `meta.team.name`, `labels`,
    /// and the `messages` array (their `content` joined is the text).
    public static let chatwoot = ExportPreset(
        name: "chatwoot",
        summary: "Chatwoot conversations (API JSON)",
        mapping: [
            .contactID: ["id"], .openedAt: ["created_at"], .customer: ["meta.sender.id"],
            .email: ["meta.sender.email"], .phone: ["meta.sender.phone_number"], .channel: ["meta.channel", "channel"],
            .text: ["messages.content"], .tags: ["labels"], .status: ["status"],
            .agent: ["meta.assignee.name", "meta.assignee.id"], .queue: ["meta.team.name", "inbox_id"],
        ],
        channelValues: [
            "Channel::WebWidget": .chat, "Channel::Email": .email, "Channel::Api": .other,
            "Channel::Whatsapp": .messaging, "Channel::FacebookPage": .social, "Channel::TwitterProfile": .social,
            "Channel::Instagram": .social, "Channel::TwilioSms": .sms, "Channel::Sms": .sms,
            "Channel::Telegram": .messaging, "Channel::Line": .messaging,
        ])
}
