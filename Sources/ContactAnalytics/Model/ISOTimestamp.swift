/// Formats instants as ISO 8601 UTC timestamps (`2026-03-02T09:15:00Z`) without Foundation's formatters.
public enum ISOTimestamp {
    public static func format(_ instant: EpochSeconds) -> String {
        let days = instant >= 0 ? instant / 86_400 : (instant - 86_399) / 86_400
        let seconds = Int(instant - days * 86_400)
        let date = CivilDate(daysSinceEpoch: Int(days))
        return "\(date.iso)T\(CivilDate.pad(seconds / 3600, 2)):\(CivilDate.pad(seconds / 60 % 60, 2)):\(CivilDate.pad(seconds % 60, 2))Z"
    }
}
