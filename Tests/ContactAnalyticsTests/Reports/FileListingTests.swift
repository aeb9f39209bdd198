import Testing
@testable import ContactAnalytics

@Suite struct FileListingTests {
    @Test func fewFilesAreAllNamed() {
        let listing = FileListing(names: ["a.csv", "b.csv", "c.csv"], bytes: 10)
        #expect(!listing.isSummarised)
        #expect(listing.shortList == "a.csv, b.csv, c.csv")
    }

    @Test func manyFilesNameTheFirstThree() {
        let names = (0..<158).map { "part-\($0).csv" }
        let listing = FileListing(names: names, bytes: 23_165_378)
        #expect(listing.isSummarised)
        #expect(listing.shortList == "part-0.csv, part-1.csv, part-2.csv and 155 more")
        // 23,165,378 / 1,048,576 = 22.092... MiB.
        #expect(listing.countAndSize == "158 files, 22.1 MiB")
        #expect(FileListing(names: names, bytes: nil).countAndSize == "158 files")
        #expect(FileListing(names: ["-"], bytes: nil).countAndSize == "1 file")
    }

    @Test(arguments: [(0, "0 bytes"), (1, "1 byte"), (1_023, "1023 bytes"), (1_024, "1.0 KiB"), (1_536, "1.5 KiB"),
                      (1_048_575, "1.0 MiB"), (1_048_576, "1.0 MiB"), (5 * 1_073_741_824, "5.0 GiB")])
    func sizesUseBinaryUnits(bytes: Int, text: String) {
        #expect(FileListing.size(bytes) == text)
    }
}
