/// A spreadsheet's serial date number as the text contactstat's timestamp reader takes: days since the
/// workbook's epoch, the fraction the time of day.
///
/// The 1900 date system counts 1900-01-01 as 1 and keeps Lotus 1-2-3's phantom 1900-02-29 (serial 60), so
/// serials from 61 on count from 1899-12-30; the 1904 system (old Mac workbooks, `date1904`) counts 0 as
/// 1904-01-01. The time of day is rounded to the whole second, as spreadsheets show it.
enum SpreadsheetSerialDate {
    /// `YYYY-MM-DD HH:MM:SS` (or `YYYY-MM-DD` for `.date` when the time is midnight, `HH:MM:SS` for a time
    /// or date-and-time format below one day);
    /// `nil` when `text` is not a number in the range of dates (0 to 2,958,465, the year 9999).
    static func text(_ text: String, format: CellNumberFormat, date1904: Bool) -> String? {
        guard let serial = Double(text), serial >= 0, serial < 2_958_466 else { return nil }
        var seconds = Int64((serial * 86_400).rounded())
        if format != .date && serial < 1 {
            // A time of day alone (a date-and-time format on a serial below 1 would show the non-date 1900-01-00).
            return clock(seconds)
        }
        var days = seconds / 86_400
        seconds -= days * 86_400
        let epoch: CivilDate
        if date1904 {
            epoch = CivilDate(year: 1904, month: 1, day: 1)
        } else if days >= 61 {
            epoch = CivilDate(year: 1899, month: 12, day: 30)
        } else {
            // 1 = 1900-01-01 ... 59 = 1900-02-28; 60, the phantom 1900-02-29, is read as 1900-02-28.
            epoch = CivilDate(year: 1899, month: 12, day: 31)
            if days == 60 { days = 59 }
        }
        let date = CivilDate(daysSinceEpoch: epoch.daysSinceEpoch + Int(days))
        if format == .date && seconds == 0 { return date.iso }
        return date.iso + " " + clock(seconds)
    }

    private static func clock(_ seconds: Int64) -> String {
        let hours = seconds / 3600, minutes = seconds / 60 % 60, rest = seconds % 60
        return [hours, minutes, rest].map { $0 < 10 ? "0\($0)" : "\($0)" }.joined(separator: ":")
    }
}
