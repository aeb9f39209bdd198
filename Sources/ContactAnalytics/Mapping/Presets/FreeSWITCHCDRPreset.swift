extension ExportPreset {
    /// FreeSWITCH's call-detail records as `mod_cdr_csv` writes them with its default template: no header
    /// row, one row per call leg. Columns: `caller_id_name`, `caller_id_number`, `destination_number`,
    /// `context`, `start_stamp`, `answer_stamp`, `end_stamp`, `duration`, `billsec`, `hangup_cause`, `uuid`,
    /// `bleg_uuid`, `accountcode`, then `read_codec`, `write_codec` (15 columns, the shipped `cdr_csv.conf.xml`
    /// template; the module's built-in one stops at `accountcode`: 13).
    ///
    /// The contact id is `uuid` (a call logged more than once is one contact; the last row is kept); opened at
    /// `start_stamp`; handle time `billsec`; the customer is `caller_id_number`; channel phone. `end_stamp` is
    /// not mapped as `closed_at` (a call's end is not a case's resolution; `--map closed_at=end_stamp`).
    public static let freeswitchCDR = ExportPreset(
        name: "freeswitch-cdr",
        summary: "FreeSWITCH call-detail records (mod_cdr_csv, no header): one contact per uuid; channel phone",
        mapping: [
            .contactID: ["uuid"], .openedAt: ["start_stamp"], .customer: ["caller_id_number"],
            .handleTime: ["billsec"],
        ],
        constants: [.channel: "phone"],
        headerlessLayouts: freeswitchLayouts)

    private static var freeswitchLayouts: [[String]] {
        let builtIn = ["caller_id_name", "caller_id_number", "destination_number", "context", "start_stamp",
                       "answer_stamp", "end_stamp", "duration", "billsec", "hangup_cause", "uuid", "bleg_uuid",
                       "accountcode"]
        return [builtIn, builtIn + ["read_codec", "write_codec"]]
    }
}
