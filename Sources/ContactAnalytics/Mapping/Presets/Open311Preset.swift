extension ExportPreset {
    /// Open311 GeoReport v2 service requests (`requests.json` of a city's endpoint, or a CSV of the same
    /// fields): `service_request_id`, `requested_datetime`, `status` (`open`/`closed`), `service_name`,
    /// `description`, `agency_responsible`.
    ///
    /// There is no closing time: `updated_datetime` is the last change of any kind (a note, a reassignment),
    /// and a mapping binds a column to a field for every row, so it cannot be `closed_at` only where the
    /// status is closed. Resolution times are therefore not computed; `--map closed_at=updated_datetime`
    /// gives an upper bound for closed requests (and a wrong figure for open ones). GeoReport has no
    /// channel and no customer id.
    public static let open311 = ExportPreset(
        name: "open311",
        summary: "Open311 GeoReport v2 service requests (a city's requests.json)",
        mapping: [
            .contactID: ["service_request_id"], .openedAt: ["requested_datetime"], .status: ["status"],
            .category: ["service_name"], .text: ["description"], .queue: ["agency_responsible"],
        ])
}
