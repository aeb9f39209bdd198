extension ExportPreset {
    /// Asterisk's call-detail records as `cdr_csv` writes them (`Master.csv`): no header row, one row per call
    /// leg. The columns, in `cdr_csv`'s order: `accountcode`, `src`, `dst`, `dcontext`, `clid`, `channel`,
    /// `dstchannel`, `lastapp`, `lastdata`, `start`, `answer`, `end`, `duration`, `billsec`, `disposition`,
    /// `amaflags`, then `uniqueid` (`loguniqueid`), `userfield` (`loguserfield`), then `peeraccount`,
    /// `linkedid`, `sequence` (`newcdrcolumns`, Asterisk 12 and later): 16 to 21 columns, the layout told by
    /// the count (17 and 20 columns are read as having `uniqueid`, Asterisk's default, not `userfield`).
    ///
    /// `Master.csv` as `cdr_custom` writes it with its sample mapping (`cdr_custom.conf.sample`): `clid`, `src`,
    /// `dst`, `dcontext`, `channel`, `dstchannel`, `lastapp`, `lastdata`, `start`, `answer`, `end`, `duration`,
    /// `billsec`, `disposition`, `amaflags`, `accountcode`, `uniqueid`, `userfield`, `sequence`: 19 columns,
    /// like `cdr_csv` with `newcdrcolumns`, so the first line's values choose between the two (the layout under
    /// which `start`... read as timestamps and `clid` as a caller id; see `HeaderlessColumns.layout(for:)`).
    ///
    /// A call that rings several legs shares one `linkedid`: it is the contact id, so the legs of a call are
    /// one contact (duplicates keep the last leg written). Without `linkedid`, `uniqueid` is the id. Opened at
    /// `start`; handle time `billsec` (talk time); the customer is `src` (the caller's number); channel phone.
    /// `disposition` is `answered` (`ANSWERED`; `NO ANSWER`, `BUSY`, `FAILED`, `CONGESTION` are not answered);
    /// no column holds the wait alone (`duration - billsec` is ring time plus any queue), so there is no
    /// speed of answer. `end` is not mapped as `closed_at`: the end of one leg is not the resolution of the caller's case
    /// (`--map closed_at=end` if you want it).
    public static let asteriskCDR = ExportPreset(
        name: "asterisk-cdr",
        summary: "Asterisk call-detail records (Master.csv, no header): one contact per linkedid; channel phone",
        mapping: [
            .contactID: ["linkedid", "uniqueid"], .openedAt: ["start"], .customer: ["src"], .handleTime: ["billsec"],
            .answered: ["disposition"],
        ],
        constants: [.channel: "phone"],
        answeredValues: ["ANSWERED": true, "NO ANSWER": false, "BUSY": false, "FAILED": false, "CONGESTION": false],
        headerlessLayouts: asteriskLayouts)

    /// Asterisk `cdr_csv` layouts: the 16 base columns, then the optional ones in the order they are written;
    /// then `cdr_custom`'s sample `Master.csv` mapping (19 columns, after `cdr_csv`'s 19 so a tie reads `cdr_csv`).
    private static var asteriskLayouts: [[String]] {
        let base = ["accountcode", "src", "dst", "dcontext", "clid", "channel", "dstchannel", "lastapp", "lastdata",
                    "start", "answer", "end", "duration", "billsec", "disposition", "amaflags"]
        let newColumns = ["peeraccount", "linkedid", "sequence"]
        return [
            base,
            base + ["uniqueid"],
            base + ["uniqueid", "userfield"],
            base + newColumns,
            base + ["uniqueid"] + newColumns,
            base + ["uniqueid", "userfield"] + newColumns,
            ["clid", "src", "dst", "dcontext", "channel", "dstchannel", "lastapp", "lastdata", "start", "answer", "end",
             "duration", "billsec", "disposition", "amaflags", "accountcode", "uniqueid", "userfield", "sequence"],
        ]
    }
}
