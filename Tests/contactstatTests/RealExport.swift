import Foundation
import Testing

/// One real export of `Fixtures/real/` with the figures computed for it without contactstat
/// (`Scripts/real-export-figures.py` wrote them to `Fixtures/real/expected.json`).
struct RealExport: Decodable, Sendable, CustomTestStringConvertible {
    /// CSAT as the export gives it: mean on its own scale and the number of responses.
    struct CSAT: Decodable, Sendable {
        var mean: Double
        var responses: Int
    }

    /// Resolution: median of closed - opened over contacts with both; closes before opens are counted apart.
    struct Resolution: Decodable, Sendable {
        var median_seconds: Double?
        var resolved: Int
        var closed_before_opened: Int
    }

    /// The independently computed figures.
    struct Figures: Decodable, Sendable {
        var rows: Int
        var contacts: Int
        var channels: [String: Int]
        var `internal`: Int
        var first_opened: String?
        var last_opened: String?
        var csat: CSAT?
        var resolution: Resolution
    }

    var id: String
    var file: String
    var system: String
    var flags: [String]
    var holdout: Bool
    /// "ok": the binary agrees today and the test is strict; "pending": a known issue until a fix lands.
    var status: String
    var figures: Figures

    var testDescription: String { id }

    /// The system without the format in parentheses ("Boston 311 (JSON Lines)" is "Boston 311").
    var systemFamily: String {
        String(system.split(separator: "(").first ?? Substring(system)).trimmingCharacters(in: .whitespaces)
    }

    /// Every export of `Fixtures/real/expected.json`; empty when the file cannot be read (a test says so).
    static let all: [RealExport] = {
        struct Document: Decodable { var exports: [RealExport] }
        let url = BinaryRunner.packageRoot.appendingPathComponent("Fixtures/real/expected.json")
        guard let data = try? Data(contentsOf: url),
              let document = try? JSONDecoder().decode(Document.self, from: data) else { return [] }
        return document.exports
    }()
}
