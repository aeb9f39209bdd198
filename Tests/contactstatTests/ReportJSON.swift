import Foundation

/// A parsed `report --format json` document, read by dotted key paths (`summary.fcr.rate`).
struct ReportJSON {
    let root: [String: Any]

    init(_ data: Data) throws {
        guard let object = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw CocoaError(.propertyListReadCorrupt)
        }
        root = object
    }

    /// The value at `path`, `NSNull` for JSON null, `nil` when a key is missing.
    func value(_ path: String) -> Any? {
        var current: Any? = root
        for key in path.split(separator: ".") {
            current = (current as? [String: Any])?[String(key)]
        }
        return current
    }

    func int(_ path: String) -> Int? {
        (value(path) as? NSNumber)?.intValue
    }

    func double(_ path: String) -> Double? {
        (value(path) as? NSNumber)?.doubleValue
    }

    func string(_ path: String) -> String? {
        value(path) as? String
    }

    func isNull(_ path: String) -> Bool {
        value(path) is NSNull
    }

    /// The objects of the array at `path`.
    func objects(_ path: String) -> [[String: Any]] {
        (value(path) as? [Any])?.compactMap { $0 as? [String: Any] } ?? []
    }
}
