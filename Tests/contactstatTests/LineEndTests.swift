import Foundation
import Testing

/// A lone CR inside a field of an LF or CRLF file is data, end to end (issue 12 item 4).
@Suite("CSV line ends, through the binary")
struct LineEndTests {
    /// Tweets as in the customer-support-on-Twitter corpus, two of them holding a lone CR (one unquoted, one
    /// quoted); `lineEnd` is "\n" or "\r\n".
    static func tweets(lineEnd: String) -> String {
        let rows = [
            "tweet_id,author_id,inbound,created_at,text",
            "1,115712,True,Tue Oct 31 22:10:47 +0000 2017,@sprintcare and how do you propose we do that\rI am stuck",
            "2,115712,True,Tue Oct 31 22:11:45 +0000 2017,\"@sprintcare I have sent several private messages,\rno one responds\"",
            "3,sprintcare,False,Tue Oct 31 22:13:00 +0000 2017,@115712 Please send us a private message",
            "4,115713,True,Tue Oct 31 22:15:10 +0000 2017,@sprintcare is the network down right now?",
        ]
        return rows.joined(separator: lineEnd) + lineEnd
    }

    @Test(arguments: ["\n", "\r\n"], [1, 2])
    func loneCRStaysInItsTweet(lineEnd: String, threads: Int) throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("tweets.csv")
        try Data(Self.tweets(lineEnd: lineEnd).utf8).write(to: URL(fileURLWithPath: path))
        let output = try BinaryRunner.run(["validate", "--preset", "twitter", "--threads", String(threads), path])
        #expect(output.status == 0, "\(output.stderr)")
        // Four records: three customer tweets and one brand reply (excluded); nothing rejected or split.
        #expect(output.stdout.contains("rows 4: mapped 3, rejected 0, excluded 1"), "\(output.stdout)")
    }

    @Test func crOnlyFileStillSplitsAtCR() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("old-mac.csv")
        let text = "id,created_at,channel\r1,2026-01-05 10:00,phone\r2,2026-01-06 11:00,email\r"
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        let output = try BinaryRunner.run(["validate", path])
        #expect(output.status == 0, "\(output.stderr)")
        #expect(output.stdout.contains("rows 2: mapped 2, rejected 0"), "\(output.stdout)")
    }
}
