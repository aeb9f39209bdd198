import Foundation
import Testing

/// gzip-compressed exports read directly, end to end (issue 21 item 2): recognised from the magic bytes, the
/// same report as the uncompressed export, corrupt files refused with the file and the compressed offset.
@Suite("gzip input, through the binary")
struct CompressedInputTests {
    /// The JSON report without the two entries that name the file as given (`files`, `bytes`).
    static func reportWithoutFileNames(_ arguments: [String], stdin: Data? = nil) throws -> [String: Any] {
        let output = try BinaryRunner.run(["report", "-f", "json"] + arguments, stdin: stdin)
        #expect(output.status == 0, "\(output.stderr)")
        var object = try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
        var input = try #require(object["input"] as? [String: Any])
        input["files"] = nil
        input["bytes"] = nil
        object["input"] = input
        return object
    }

    @Test(arguments: ["comcast-fcc-complaints.csv.gz", "comcast-stored.csv.gz", "comcast-fixed-huffman.csv.gz",
                      "comcast-two-members-all-header-fields.csv.gz"])
    func compressedRealExportGivesTheSameReport(_ name: String) throws {
        let plain = try Self.reportWithoutFileNames([BinaryRunner.fixture("real/comcast-fcc-complaints.csv")])
        let compressed = try Self.reportWithoutFileNames([BinaryRunner.fixture("compressed/" + name)])
        #expect(NSDictionary(dictionary: compressed) == NSDictionary(dictionary: plain))
        // The independent figure in Fixtures/real/expected.json: 500 contacts.
        #expect((compressed["input"] as? [String: Any])?["contacts_read"] as? Int == 500)
    }

    @Test func compressedStandardInputAndAnyFileName() throws {
        let path = BinaryRunner.fixture("compressed/comcast-fcc-complaints.csv.gz")
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        let plain = try Self.reportWithoutFileNames([BinaryRunner.fixture("real/comcast-fcc-complaints.csv")])
        #expect(NSDictionary(dictionary: try Self.reportWithoutFileNames(["-"], stdin: data)) == NSDictionary(dictionary: plain))
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let renamed = directory.path("export.csv")
        try data.write(to: URL(fileURLWithPath: renamed))
        #expect(NSDictionary(dictionary: try Self.reportWithoutFileNames([renamed])) == NSDictionary(dictionary: plain))
    }

    @Test func truncatedFileIsRefusedWithItsOffset() throws {
        let path = BinaryRunner.fixture("compressed/comcast-fcc-complaints.csv.gz")
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let cut = directory.path("cut.csv.gz")
        try data.prefix(9000).write(to: URL(fileURLWithPath: cut))
        let output = try BinaryRunner.run(["report", cut])
        #expect(output.status == 65)
        #expect(output.stderr.contains("cut.csv.gz: cannot decompress (gzip): unexpected end of compressed data at compressed byte 9000"),
                "\(output.stderr)")
    }

    @Test func compressedJSONIsRecognised() throws {
        let output = try BinaryRunner.run(["validate", "--preset", "nyc311",
                                           BinaryRunner.fixture("compressed/nyc311-2024-05-first30.json.gz")])
        #expect(output.status == 0, "\(output.stderr)")
        #expect(output.stdout.contains("rows 30: mapped 30"), "\(output.stdout)")
    }
}
