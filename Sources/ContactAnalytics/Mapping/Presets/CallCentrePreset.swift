extension ExportPreset {
    /// A phone system's call log shaped like the public "call centre trends" data: `call id`, `date` and
    /// `time` in separate columns (that file's dates are month-first, written both `01-06-2021` and
    /// `1/13/2021`: US-style, as its 2,890 values like `3/31/2021` prove, so the order is set), `agent`, `topic`, `resolved` (Y/N, read as the export's
    /// first-contact-resolution flag), `avgtalkduration` (H:MM:SS), `satisfaction rating` (1-5). Every row
    /// is a phone call. `answered (y/n)` (N = abandoned) and `speed of answer in seconds` feed the phone-queue
    /// figures (abandoned calls have no speed of answer).
    public static let callCentre = ExportPreset(
        name: "call-centre",
        summary: "call-centre log: date + time columns, topic, resolved Y/N, talk time, rating",
        mapping: [
            .contactID: ["call id"], .openedAt: ["date"], .openedTime: ["time"], .agent: ["agent"], .category: ["topic"],
            .firstContactResolved: ["resolved"], .handleTime: ["avgtalkduration"], .csat: ["satisfaction rating"],
            .answered: ["answered (y/n)"], .waitTime: ["speed of answer in seconds"],
        ],
        constants: [.channel: "phone"],
        dayMonthOrder: .monthFirst)
}
