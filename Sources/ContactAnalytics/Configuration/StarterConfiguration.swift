/// The commented starter configuration `contactstat init` writes: every key of the configuration file with
/// its default or an example, and the taxonomy section.
public enum StarterConfiguration {
    public static var text: String {
        """
        // contactstat configuration: JSON with comments and trailing commas allowed.
        // Found as ./contactstat.json, or given with --config FILE. Command-line options win over this file,
        // and this file wins over the built-in defaults. Delete what you do not need.
        {
          // IANA time zone for timestamps without an offset, and for weeks/months/days in reports.
          "timezone": "Europe/Helsinki",

          // Column mapping of a known export: \(ExportPreset.all.map(\.name).joined(separator: ", ")).
          "preset": "generic",

          // Canonical field -> your export's column name (wins over the preset and the built-in aliases).
          // Fields: \(CanonicalField.allCases.map(\.rawValue).joined(separator: ", ")).
          "mapping": {
            // "opened_at": "Created at",
            // "customer": "Requester id",
          },

          // Dates like 03/04/2026: "day-first" or "month-first". Leave out to decide from the data.
          "dates": {
            // "day_month_order": "day-first",
          },

          // Country calling code for national phone numbers (040 123 4567 -> +358401234567).
          "identity": { "country_code": "358" },

          // First-contact resolution: a contact is a repeat when the same customer (and, with scope "cause",
          // the same root cause) contacted you at most window_days before.
          "fcr": { "window_days": \(RepeatContactWindow.standard.seconds / 86_400), "scope": "\(RepeatContactWindow.standard.scope.rawValue)" },

          // CSAT scale and the score at or above which a customer counts as satisfied.
          "csat": { "scale": [1, 5], "satisfied_at": 4 },

          // Reporting period: "week" (ISO, Monday start), "month" or "day".
          "period": "week",

          // Cost of a contact without an explicit cost column:
          //   per_contact + per_minute * handle minutes (default_handle_minutes when the export has no handle time).
          // Channels you leave out keep the built-in figures (see README, "Cost model").
          "costs": {
            "currency": "EUR",
            "channels": {
              "phone": { "per_contact": 1.0, "per_minute": 0.9, "default_handle_minutes": 6 },
              "email": { "per_contact": 0.8, "per_minute": 0.8, "default_handle_minutes": 8 },
              "chat":  { "per_contact": 0.5, "per_minute": 0.6, "default_handle_minutes": 10 },
            },
          },

          // Opening hours per channel ("all": channels without their own), in the time zone above: they give
          // the contacts that came outside opening hours and the resolution time in business hours. Rules like
          // "Mo-Fr 08:00-18:00; Sa 10:00-14:00", "Mo-Fr 08:00-12:00,13:00-17:00", or "24/7".
          // "opening_hours": { "phone": "Mo-Fr 08:00-18:00", "all": "Mo-Fr 08:00-16:00" },
          // Public holidays closed all day (computed for each year): \(PublicHolidays.Country.allCases.map(\.rawValue).joined(separator: ", ")); extra closed dates.
          // "holidays": { "country": "FI", "extra": ["2026-12-23"] },

          // Causes from a column of the export instead of the taxonomy's rules (as --cause-from COLUMN does):
          // listed values get your cause, process and avoidable flag; values not listed become causes of their
          // own (process "Unmapped", not avoidable unless "default" says otherwise); empty values stay
          // unclassified. `contactstat validate` lists the values not listed.
          // "causes_from": {
          //   "column": "Complaint Type",
          //   "values": {
          //     "HEAT/HOT WATER": { "cause": "housing/heat", "process": "Housing maintenance", "avoidable": true },
          //     "Noise - Residential": { "cause": "public-service/noise" },
          //   },
          //   "default": { "process": "Unmapped", "avoidable": false },
          // },

          // Service levels (see README, "First reply, SLAs and phone queues"): first-reply and resolution
          // targets per channel and priority (the most specific key applies: channel/priority, */priority,
          // channel, *), and the answer threshold of the phone service level (20 s by default).
          // "sla": {
          //   "first_reply": { "*": "24h", "email": "8h", "chat/urgent": "5m" },
          //   "resolution": { "*": "5d" },
          //   "answered_within": "20s",
          // },

          // Savings ledger (see README, "Savings ledger"): the share of a cause's avoidable contacts its fix takes
          // away, per fix kind (each cause's "fix" in the taxonomy below). These are the built-in defaults:
          // self-service from ServiceXRG's average case deflection, faq within the range vendors quote for FAQ
          // pages, proactive-message and process-fix assumptions. Put your own measured shares here.
          "savings": {
            "deflection": { \(StarterConfiguration.deflectionDefaults) },
          },

          // Staffing (Erlang C, see README, "Staffing"): the service level to reach (a share answered within
          // answer_within_seconds) and the shrinkage (paid time not on contacts). These are the defaults.
          "staffing": { "service_level": \(StarterConfiguration.number(StaffingTargets().serviceLevel)), \
        "answer_within_seconds": \(StarterConfiguration.number(StaffingTargets().answerWithinSeconds)), \
        "shrinkage": \(StarterConfiguration.number(StaffingTargets().shrinkage)) },

        \(Taxonomy.starterConfigurationExample)
        }

        """
    }

    /// The built-in deflection shares as JSON members, in `CauseFix` order: `"self-service": 0.23, ...`.
    static var deflectionDefaults: String {
        CauseFix.allCases.map { "\"\($0.rawValue)\": \(number(DeflectionShares.builtIn[$0] ?? 0))" }.joined(separator: ", ")
    }

    /// A number as the file writes it: `0.8`, `20`.
    static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}
