import Foundation
import Testing

@testable import ContactAnalytics

@Suite("SyntheticExport")
struct SyntheticExportTests {
    typealias Column = GeneratedSample.Column

    private func generate(rows: Int, seed: UInt64, chunkSize: Int = SyntheticExport.defaultChunkSize) throws
        -> [UInt8]
    {
        let export = try SyntheticExport(SyntheticExportConfiguration(rows: rows, seed: seed))
        var bytes: [UInt8] = []
        export.write(chunkSize: chunkSize) { bytes.append(contentsOf: $0) }
        return bytes
    }

    // MARK: Format

    @Test func headerIsExact() throws {
        let bytes = try generate(rows: 0, seed: 1)
        #expect(
            String(decoding: bytes, as: UTF8.self)
                == "ticket_id,created_at,closed_at,customer_id,channel,subject,status,handle_time,csat,agent,"
                + "queue,language\n"
        )
        #expect(SyntheticExport.columns.count == 12)
    }

    @Test(arguments: [0, 1, 2, 17, 1000, 5003])
    func writesExactlyTheRequestedRows(rows: Int) throws {
        let bytes = try generate(rows: rows, seed: 99)
        #expect(CSVTestRecords.count(bytes) == rows + 1)
        let records = CSVTestRecords.parse(bytes)
        #expect(records.count == rows + 1)
        #expect(records.allSatisfy { $0.count == 12 })
        #expect(bytes.last == UInt8(ascii: "\n"))
    }

    @Test func ticketIdsAreSequentialAndUnique() {
        let ids = GeneratedSample.rows.map { $0[Column.ticket] }
        #expect(ids.first == "T00000001")
        #expect(ids.last == "T00020000")
        #expect(Set(ids).count == GeneratedSample.rowCount)
        let expected = (1...GeneratedSample.rowCount).map { number in
            "T" + String(repeating: "0", count: 8 - String(number).count) + String(number)
        }
        #expect(ids == expected)
    }

    @Test func everyFieldHasItsDocumentedShape() {
        let start = 1_767_571_200
        let end = start + 91 * 86_400
        let channels: Set = ["phone", "email", "chat", "web", "social", "messaging", "self_service"]
        let queues = Set(TopicCatalog.families.map(\.queue))
        var previousCreated = start
        var problems: [String] = []
        for row in GeneratedSample.rows {
            guard let created = CSVTestRecords.epochSeconds(row[Column.created]) else {
                problems.append("created_at \(row[Column.created])")
                continue
            }
            if created < previousCreated || created >= end { problems.append("order/range \(row[Column.ticket])") }
            previousCreated = created
            let status = row[Column.status]
            if status == "open" || status == "pending" {
                if !row[Column.closed].isEmpty { problems.append("closed_at on \(status) \(row[Column.ticket])") }
                if !row[Column.csat].isEmpty { problems.append("csat on \(status)") }
            } else if status == "solved" || status == "closed" {
                guard let closed = CSVTestRecords.epochSeconds(row[Column.closed]), closed >= created, closed <= end
                else {
                    problems.append("closed_at \(row[Column.closed]) on \(row[Column.ticket])")
                    continue
                }
            } else {
                problems.append("status \(status)")
            }
            let customer = row[Column.customer]
            if !(customer.count == 8 && customer.hasPrefix("C") && Int(customer.dropFirst()).map({ $0 >= 1 }) == true) {
                problems.append("customer \(customer)")
            }
            if !channels.contains(row[Column.channel]) { problems.append("channel \(row[Column.channel])") }
            if !row[Column.handleTime].isEmpty && (Int(row[Column.handleTime]) ?? 0) < 15 {
                problems.append("handle_time \(row[Column.handleTime])")
            }
            if !["", "1", "2", "3", "4", "5"].contains(row[Column.csat]) { problems.append("csat \(row[Column.csat])") }
            let agent = row[Column.agent]
            let agentNumber = Int(agent.dropFirst(5)) ?? 0
            if !agent.isEmpty && !(agent.hasPrefix("agent") && agent.count == 7 && (1...40).contains(agentNumber)) {
                problems.append("agent \(agent)")
            }
            if agent.isEmpty != row[Column.handleTime].isEmpty { problems.append("agent without handle time") }
            if !queues.contains(row[Column.queue]) { problems.append("queue \(row[Column.queue])") }
            if row[Column.language] != "en" && row[Column.language] != "fi" { problems.append("language") }
        }
        #expect(problems.isEmpty, "\(problems.prefix(10))")
    }

    /// Re-writing the parsed records with a reference RFC 4180 writer (quote a field exactly when it holds
    /// `,` `"` CR or LF; double inner quotes) gives back the very same bytes: no field is quoted needlessly
    /// and none that needs it is left bare.
    @Test func quotesExactlyTheFieldsThatNeedIt() {
        var rewritten = ""
        for record in CSVTestRecords.parse(GeneratedSample.bytes) {
            let fields = record.map { field in
                field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
                    ? "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : field
            }
            rewritten += fields.joined(separator: ",") + "\n"
        }
        #expect(Array(rewritten.utf8) == GeneratedSample.bytes)
    }

    @Test func averageRowLengthIsAboutOneHundredFiftyBytes() {
        let headerLength = SyntheticExport.columns.joined(separator: ",").utf8.count + 1
        let average = Double(GeneratedSample.bytes.count - headerLength) / Double(GeneratedSample.rowCount)
        #expect(average >= 120 && average <= 180, "average \(average)")
    }

    // MARK: Determinism

    @Test func sameSeedGivesIdenticalBytesWhateverTheChunkSize() throws {
        let reference = try generate(rows: 5000, seed: 7)
        #expect(try generate(rows: 5000, seed: 7) == reference)
        #expect(try generate(rows: 5000, seed: 7, chunkSize: 1) == reference)
        #expect(try generate(rows: 5000, seed: 7, chunkSize: 1000) == reference)
    }

    @Test func chunksEndAfterWholeRowsAndRespectTheChunkSize() throws {
        let export = try SyntheticExport(SyntheticExportConfiguration(rows: 3000, seed: 3))
        var chunks: [Int] = []
        var allEndWithLineEnd = true
        export.write(chunkSize: 16_384) { chunk in
            chunks.append(chunk.count)
            if chunk.last != UInt8(ascii: "\n") { allEndWithLineEnd = false }
        }
        #expect(chunks.count > 10)
        #expect(allEndWithLineEnd)
        #expect(chunks.dropLast().allSatisfy { $0 >= 16_384 && $0 < 16_384 + 1024 })
    }

    @Test func differentSeedsGiveDifferentExports() throws {
        let a = try generate(rows: 200, seed: 1)
        let b = try generate(rows: 200, seed: 2)
        #expect(a != b)
        #expect(a.count > 0 && b.count > 0)
    }

    /// A fingerprint of one export: changes whenever the generated data changes. Update it only on purpose
    /// (and say so in the change log): benchmarks and demos rely on a seed meaning the same data.
    @Test func outputIsStableAcrossVersionsAndPlatforms() throws {
        let bytes = try generate(rows: 2000, seed: 42)
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325  // FNV-1a 64
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        #expect(bytes.count == SyntheticExportTests.fingerprintLength)
        #expect(hash == SyntheticExportTests.fingerprint)
    }

    static let fingerprintLength = 292_505
    static let fingerprint: UInt64 = 14_077_859_514_624_526_492

    // MARK: Realism

    @Test(arguments: [
        ("phone", 0.30), ("email", 0.30), ("chat", 0.20), ("web", 0.08), ("social", 0.05), ("messaging", 0.04),
        ("self_service", 0.03),
    ])
    func channelSharesFollowTheMix(channel: String, expected: Double) {
        let share = GeneratedSample.share { $0[Column.channel] == channel }
        #expect(abs(share - expected) < 0.02, "\(channel): \(share)")
    }

    @Test func subjectsExerciseEveryQuotingCase() {
        let comma = GeneratedSample.share { $0[Column.subject].contains(",") }
        let quote = GeneratedSample.share { $0[Column.subject].contains("\"") }
        let lineBreak = GeneratedSample.share { $0[Column.subject].contains("\n") }
        #expect(comma >= 0.005 && comma <= 0.03, "comma \(comma)")
        #expect(quote > 0.002 && quote <= 0.04, "quote \(quote)")
        #expect(lineBreak >= 0.001 && lineBreak <= 0.015, "line break \(lineBreak)")
        #expect(!GeneratedSample.rows.contains { $0[Column.subject].contains("\r") })
    }

    @Test func bothLanguagesAppearWithRealFinnish() {
        let finnish = GeneratedSample.share { $0[Column.language] == "fi" }
        #expect(finnish > 0.25 && finnish < 0.45, "fi \(finnish)")
        let finnishSubjects = Set(
            GeneratedSample.rows.filter { $0[Column.language] == "fi" }.map { $0[Column.subject] })
        #expect(finnishSubjects.contains("Missä tilaukseni on?"))
        #expect(finnishSubjects.contains("Kiitos hyvästä palvelusta"))
        let englishSubjects = Set(
            GeneratedSample.rows.filter { $0[Column.language] == "en" }.map { $0[Column.subject] })
        #expect(englishSubjects.contains("Where is my order?"))
        #expect(englishSubjects.isDisjoint(with: ["Missä tilaukseni on?", "Soitto"]))
    }

    @Test func someSubjectsAreVague() {
        let vague = Set(TopicCatalog.families.filter(\.isVague).flatMap { $0.english + $0.finnish })
        let share = GeneratedSample.share { vague.contains($0[Column.subject]) }
        #expect(share >= 0.04 && share <= 0.09, "vague \(share)")
    }

    /// Rows whose customer had a contact in the same queue within the 7 days before (a proxy for the
    /// metric's same-cause repeat, since the cause is not a column).
    private static let repeatFlags: [Bool] = {
        var lastSeen: [String: Int] = [:]
        return GeneratedSample.rows.map { row in
            let time = CSVTestRecords.epochSeconds(row[Column.created]) ?? 0
            let key = row[Column.customer] + "|" + row[Column.queue]
            defer { lastSeen[key] = time }
            if let last = lastSeen[key], time - last <= 7 * 86_400 { return true }
            return false
        }
    }()

    @Test func customersComeBackWithinAWeekOftenOnAnotherChannel() {
        let flags = SyntheticExportTests.repeatFlags
        let share = Double(flags.count(where: { $0 })) / Double(flags.count)
        #expect(share >= 0.15 && share <= 0.40, "repeat share \(share)")
        // Channel switches: a repeat whose previous same-queue contact was on another channel.
        var lastChannel: [String: String] = [:]
        var switches = 0
        for (row, isRepeat) in zip(GeneratedSample.rows, flags) {
            let key = row[Column.customer] + "|" + row[Column.queue]
            if isRepeat, let previous = lastChannel[key], previous != row[Column.channel] { switches += 1 }
            lastChannel[key] = row[Column.channel]
        }
        #expect(Double(switches) / Double(flags.count(where: { $0 })) > 0.25)
    }

    @Test func customerContactsAreHeavyTailed() {
        var perCustomer: [String: Int] = [:]
        for row in GeneratedSample.rows { perCustomer[row[Column.customer], default: 0] += 1 }
        let counts = perCustomer.values.sorted(by: >)
        #expect(counts.count > 5000)
        #expect(counts.filter { $0 == 1 }.count > counts.count / 4)
        #expect((counts.first ?? 0) >= 30)
    }

    @Test func surveysAreSparseAndLowerAfterRepeats() {
        let responses = GeneratedSample.share { !$0[Column.csat].isEmpty }
        #expect(responses >= 0.12 && responses <= 0.28, "responses \(responses)")
        var firstScores: [Int] = []
        var repeatScores: [Int] = []
        for (row, isRepeat) in zip(GeneratedSample.rows, SyntheticExportTests.repeatFlags) {
            guard let score = Int(row[Column.csat]) else { continue }
            if isRepeat { repeatScores.append(score) } else { firstScores.append(score) }
        }
        func mean(_ values: [Int]) -> Double { Double(values.reduce(0, +)) / Double(max(values.count, 1)) }
        #expect(mean(repeatScores) < mean(firstScores) - 0.2)
    }

    @Test func handleTimesFollowTheChannel() {
        func median(_ channel: String) -> Int {
            let values = GeneratedSample.rows.filter { $0[Column.channel] == channel }.compactMap {
                Int($0[Column.handleTime])
            }.sorted()
            return values.isEmpty ? 0 : values[values.count / 2]
        }
        #expect((300...460).contains(median("phone")))
        #expect((400...600).contains(median("email")))
        #expect((500...750).contains(median("chat")))
        #expect((190...320).contains(median("social")))
        #expect(GeneratedSample.rows.filter { $0[Column.channel] == "self_service" }.allSatisfy {
            $0[Column.handleTime].isEmpty && $0[Column.agent].isEmpty
        })
    }

    @Test func weekdaysAndOfficeHoursCarryTheLoad() {
        var weekday = [Int](repeating: 0, count: 7)
        var hours = [Int](repeating: 0, count: 24)
        for row in GeneratedSample.rows {
            let time = CSVTestRecords.epochSeconds(row[Column.created]) ?? 0
            weekday[(time / 86_400 + 3) % 7] += 1  // Monday = 0
            hours[time % 86_400 / 3600] += 1
        }
        #expect(weekday[0] > 2 * weekday[5] && weekday[0] > 2 * weekday[6], "\(weekday)")
        #expect(hours[9] > 10 * hours[2], "\(hours)")
    }

    @Test func openTicketsGatherAtTheEnd() {
        let lastWeek = 1_767_571_200 + 84 * 86_400
        var early = (open: 0, all: 0)
        var late = (open: 0, all: 0)
        for row in GeneratedSample.rows {
            let isOpen = row[Column.status] == "open" || row[Column.status] == "pending"
            if (CSVTestRecords.epochSeconds(row[Column.created]) ?? 0) >= lastWeek {
                late.all += 1
                if isOpen { late.open += 1 }
            } else {
                early.all += 1
                if isOpen { early.open += 1 }
            }
        }
        let earlyShare = Double(early.open) / Double(early.all)
        let lateShare = Double(late.open) / Double(late.all)
        #expect(earlyShare < 0.03)
        #expect(lateShare > 3 * earlyShare, "early \(earlyShare), late \(lateShare)")
    }

    // MARK: Configuration

    @Test(arguments: [
        SyntheticExportConfiguration(rows: -1, seed: 1),
        SyntheticExportConfiguration(rows: SyntheticExportConfiguration.maximumRows + 1, seed: 1),
        SyntheticExportConfiguration(rows: 10, seed: 1, spanDays: 0),
        SyntheticExportConfiguration(rows: 10, seed: 1, customers: 0),
        SyntheticExportConfiguration(rows: 10, seed: 1, customers: Int.max),
        SyntheticExportConfiguration(rows: 10, seed: 1, start: Date(timeIntervalSince1970: -86_400)),
        SyntheticExportConfiguration(rows: 10, seed: 1, start: Date(timeIntervalSince1970: 253_402_000_000)),
    ])
    func rejectsImpossibleConfigurations(configuration: SyntheticExportConfiguration) {
        #expect(throws: ContactStatError.self) { try SyntheticExport(configuration) }
        do {
            _ = try SyntheticExport(configuration)
        } catch {
            #expect(error.kind == .usage)
            #expect(error.exitCode == 64)
        }
    }

    @Test(arguments: [(10, 6), (1, 1), (0, 1), (5_000_000, 3_000_000)])
    func derivesTheCustomerBaseFromTheRowCount(rows: Int, customers: Int) {
        #expect(SyntheticExportConfiguration.customerCount(forRows: rows) == customers)
    }

    @Test func honoursStartSpanAndCustomerCount() throws {
        let start = Date(timeIntervalSince1970: 1_772_409_600)  // 2026-03-02T00:00:00Z
        let export = try SyntheticExport(
            SyntheticExportConfiguration(rows: 800, seed: 5, start: start, spanDays: 2, customers: 50))
        let rows = CSVTestRecords.parse(export.bytes()).dropFirst()
        #expect(rows.count == 800)
        let times = rows.compactMap { CSVTestRecords.epochSeconds($0[Column.created]) }
        #expect(times.count == 800)
        #expect(times.allSatisfy { $0 >= 1_772_409_600 && $0 < 1_772_409_600 + 2 * 86_400 })
        let customers = Set(rows.map { $0[Column.customer] })
        #expect(customers.count <= 50)
        #expect(customers.allSatisfy { (1...50).contains(Int($0.dropFirst()) ?? 0) })
    }

    @Test func writesToAFileDescriptor() throws {
        let export = try SyntheticExport(SyntheticExportConfiguration(rows: 3000, seed: 8))
        let path = FileManager.default.temporaryDirectory.appendingPathComponent(
            "synthetic-export-\(getpid()).csv"
        ).path
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        try #require(descriptor >= 0)
        defer { _ = unlink(path) }
        try export.write(toFileDescriptor: descriptor)
        close(descriptor)
        let written = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        #expect(written == export.bytes())
    }

    @Test func reportsWriteFailuresAsIOErrors() throws {
        let export = try SyntheticExport(SyntheticExportConfiguration(rows: 10, seed: 8))
        do {
            try export.write(toFileDescriptor: -1)
            Issue.record("writing to descriptor -1 succeeded")
        } catch {
            #expect(error.kind == .io)
        }
    }
}
