extension ExportPreset {
    /// NYC 311 service requests (NYC Open Data, CSV or JSON): `unique_key`, `created_date` and
    /// `closed_date` in New York local time without an offset, `open_data_channel_type`, `complaint_type`
    /// (the city's own cause) and `descriptor`, `agency` (the owning process), `status`. There is no customer
    /// id, so repeats and FCR have no evaluable contacts.
    public static let nyc311 = ExportPreset(
        name: "nyc311",
        summary: "NYC 311 service requests (NYC Open Data)",
        mapping: [
            .contactID: ["unique_key"], .openedAt: ["created_date"], .closedAt: ["closed_date"],
            .channel: ["open_data_channel_type"], .category: ["complaint_type"], .subject: ["descriptor"],
            .text: ["resolution_description"], .queue: ["agency"], .status: ["status"],
        ],
        timeZone: "America/New_York")
}
