extension ExportPreset {
    /// Boston 311 service requests (Analyze Boston CSV): `CASE_ENQUIRY_ID`, `OPEN_DT`, `CLOSED_DT` (some
    /// years write ` CLOSED_DT`, matched all the same), `CASE_STATUS`, `CASE_TITLE`, `SUBJECT` (the city
    /// department), `REASON`, `TYPE`, `Source`, in Boston local time.
    ///
    /// - `REASON` is the category, `CASE_TITLE` the subject, `SUBJECT` (a department, like NYC's agency) the
    ///   queue; `TYPE` and `QUEUE` are left unbound.
    /// - Sources: `Constituent Call` phone, `Citizens Connect App` and `BOS:311 App` self-service, `Self
    ///   Service` self-service; `Employee Generated`, `City Worker App` and `Maximo Integration` are cases
    ///   the city's staff and systems open themselves: internal, excluded from customer demand.
    public static let boston311 = ExportPreset(
        name: "boston311",
        summary: "Boston 311 service requests (Analyze Boston)",
        mapping: [
            .contactID: ["CASE_ENQUIRY_ID"], .openedAt: ["OPEN_DT"], .closedAt: ["CLOSED_DT"],
            .status: ["CASE_STATUS"], .subject: ["CASE_TITLE"], .category: ["REASON"], .queue: ["SUBJECT"],
            .channel: ["Source", "SOURCE"],
        ],
        timeZone: "America/New_York",
        channelValues: [
            "constituent call": .phone, "citizens connect app": .selfService, "bos:311 app": .selfService,
            "self service": .selfService, "employee generated": .internal, "city worker app": .internal,
            "maximo integration": .internal, "twitter": .social,
        ])
}
