@testable import ContactAnalytics

/// Shared test plumbing for the input readers.
enum InputTestSupport {
    /// The fields of `record` as byte arrays.
    static func fieldBytes(_ record: RawRecord) -> [[UInt8]] {
        (0..<record.count).map { Array(record.bytes[record.range(of: $0)]) }
    }

    /// `record` as the reference reader gives it: fields, line, decoding, and where text follows a closing quote.
    static func referenceRecord(_ record: RawRecord) -> CSVReferenceReader.Record {
        CSVReferenceReader.Record(fields: fieldBytes(record), line: record.line,
                                  decodedAsWindows1252: record.decodedAsWindows1252,
                                  textAfterQuote: record.textAfterClosingQuote)
    }

    /// All records of `reader` (after the CSV header).
    static func readAll<R: RecordReader>(_ reader: inout R) throws -> [RawRecord] {
        var records: [RawRecord] = []
        var record = RawRecord()
        while try reader.next(into: &record) { records.append(record) }
        return records
    }

    /// The error `body` throws as a `ContactStatError`, or `nil`.
    static func contactStatError(_ body: () throws -> Void) -> ContactStatError? {
        do {
            try body()
            return nil
        } catch let error as ContactStatError {
            return error
        } catch {
            return ContactStatError(.io, "unexpected error type: \(error)")
        }
    }

    /// `Fixtures/input/<name>` in the package, found from this file's path.
    static func fixturePath(_ name: String, file: String = #filePath) -> String {
        var components = file.split(separator: "/", omittingEmptySubsequences: false)
        // .../Tests/ContactAnalyticsTests/Input/InputTestSupport.swift -> package root
        components.removeLast(4)
        return (components + ["Fixtures", "input", Substring(name)]).joined(separator: "/")
    }
}
