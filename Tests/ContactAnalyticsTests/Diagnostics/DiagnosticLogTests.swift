import Testing
@testable import ContactAnalytics

/// `DiagnosticLog`: grouping, the cap of examples per group, counts, merging, and a million reports.
@Suite struct DiagnosticLogTests {
    static func diagnostic(_ file: String = "a.csv", line: Int, kind: String = "unreadable-csat",
                           column: String? = "CSAT", severity: Diagnostic.Severity = .warning,
                           message: String = "csat '9' is not a satisfaction answer") -> Diagnostic {
        Diagnostic(severity, kind: kind, at: ContactAnalytics.SourceLocation(file: file, line: line), column: column,
                   message: MessageText(message))
    }

    static func key(_ group: DiagnosticLog.Group) -> String {
        "\(group.key.file)|\(group.key.kind)|\(group.key.column ?? "-")|\(group.key.severity.rawValue)"
    }

    @Test func formattedDiagnostic() {
        #expect(Self.diagnostic(line: 3, message: "m").formatted == #"a.csv:3: warning: m [column "CSAT"]"#)
        #expect(Self.diagnostic(line: 0, column: nil, severity: .error, message: "m").formatted == "a.csv: error: m")
    }

    @Test func groupsByFileKindColumnAndSeverity() {
        var log = DiagnosticLog()
        #expect(log.isEmpty)
        let reports = [
            Self.diagnostic(line: 2),
            Self.diagnostic(line: 3),                                   // same group as line 2
            Self.diagnostic("b.csv", line: 2),                          // other file
            Self.diagnostic(line: 4, kind: "unreadable-cost"),          // other kind
            Self.diagnostic(line: 5, column: "Rating"),                 // other column
            Self.diagnostic(line: 6, column: nil),                      // no column
            Self.diagnostic(line: 7, severity: .error),                 // other severity
            Self.diagnostic(line: 8),                                   // the first group again
            Self.diagnostic(line: 9, column: nil),                      // the no-column group again
        ]
        for diagnostic in reports { log.report(diagnostic) }
        #expect(!log.isEmpty)
        // Groups in order of first appearance.
        #expect(log.groups.map(Self.key) == [
            "a.csv|unreadable-csat|CSAT|warning", "b.csv|unreadable-csat|CSAT|warning",
            "a.csv|unreadable-cost|CSAT|warning", "a.csv|unreadable-csat|Rating|warning",
            "a.csv|unreadable-csat|-|warning", "a.csv|unreadable-csat|CSAT|error",
        ])
        #expect(log.groups.map(\.count) == [3, 1, 1, 1, 2, 1])
        #expect(log.groups[0].examples.map(\.location.line) == [2, 3, 8])
        #expect(log.groups[0].examples[0] == reports[0])
        #expect(log.count(.warning) == 8)
        #expect(log.count(.error) == 1)
        #expect(log.count(.note) == 0)
        #expect(log.count(kind: "unreadable-csat") == 8)
        #expect(log.count(kind: "unreadable-cost") == 1)
        #expect(log.count(kind: "rejected") == 0)
    }

    @Test(arguments: [
        // (examples per group, reported, kept)
        (5, 1, 1), (5, 5, 5), (5, 6, 5), (2, 10, 2), (1, 3, 1),
    ])
    func examplesAreCappedPerGroup(cap: Int, reported: Int, kept: Int) {
        var log = DiagnosticLog(examplesPerGroup: cap)
        for line in 1...reported { log.report(Self.diagnostic(line: line + 1, message: "bad \(line)")) }
        #expect(log.groups.count == 1)
        #expect(log.groups[0].count == reported)
        #expect(log.groups[0].examples.map(\.location.line) == Array(2..<(2 + kept)))
        var expected = (1...kept).map { #"a.csv:\#($0 + 1): warning: bad \#($0) [column "CSAT"]"# }
        if reported > kept {
            expected.append(#"a.csv: warning: ... and \#(reported - kept) more unreadable-csat in column "CSAT" not shown"#)
        }
        #expect(log.formattedLines() == expected)
    }

    @Test func hiddenLineWithoutAColumn() {
        var log = DiagnosticLog(examplesPerGroup: 1)
        for line in 2...4 {
            log.report(Self.diagnostic("in.json", line: line, kind: "rejected", column: nil, severity: .error,
                                       message: "record rejected: opened_at is empty"))
        }
        #expect(log.formattedLines() == [
            "in.json:2: error: record rejected: opened_at is empty",
            "in.json: error: ... and 2 more rejected not shown",
        ])
    }

    @Test func groupsPrintInOrderWithTheirOwnHiddenLines() {
        var log = DiagnosticLog(examplesPerGroup: 1)
        log.report(Self.diagnostic(line: 2, message: "x"))
        log.report(Self.diagnostic(line: 3, kind: "unreadable-cost", column: "Cost", message: "y"))
        log.report(Self.diagnostic(line: 4, message: "x"))
        #expect(log.formattedLines() == [
            #"a.csv:2: warning: x [column "CSAT"]"#,
            #"a.csv: warning: ... and 1 more unreadable-csat in column "CSAT" not shown"#,
            #"a.csv:3: warning: y [column "Cost"]"#,
        ])
    }

    @Test func mergeKeepsOrderAndCaps() {
        var first = DiagnosticLog(examplesPerGroup: 3)
        first.report(Self.diagnostic(line: 2))                               // group A
        first.report(Self.diagnostic(line: 3, kind: "unreadable-cost"))      // group B
        first.report(Self.diagnostic(line: 4))                               // A
        var second = DiagnosticLog(examplesPerGroup: 3)
        second.report(Self.diagnostic(line: 10, kind: "rejected", column: nil, severity: .error))  // group C
        for line in 11...14 { second.report(Self.diagnostic(line: line)) }   // A x 4 (3 kept)
        second.report(Self.diagnostic(line: 15, kind: "unreadable-cost"))    // B

        first.merge(second)
        // This log's groups first, in their order; new groups after, in the other's order.
        #expect(first.groups.map(\.key.kind) == ["unreadable-csat", "unreadable-cost", "rejected"])
        #expect(first.groups.map(\.count) == [6, 2, 1])
        // A: own examples 2, 4, then room for one of the other's (11).
        #expect(first.groups[0].examples.map(\.location.line) == [2, 4, 11])
        #expect(first.groups[1].examples.map(\.location.line) == [3, 15])
        #expect(first.groups[2].examples.map(\.location.line) == [10])
        #expect(first.count(.warning) == 8)
        #expect(first.count(.error) == 1)
        let lines = first.formattedLines()
        #expect(lines.count == 7)
        #expect(lines[3] == #"a.csv: warning: ... and 3 more unreadable-csat in column "CSAT" not shown"#)
        #expect(lines[6] == "a.csv:10: error: csat '9' is not a satisfaction answer")
        // Merging gives what reporting everything into one log in order gives.
        var single = DiagnosticLog(examplesPerGroup: 3)
        for line in [2, 3, 4] { single.report(Self.diagnostic(line: line, kind: line == 3 ? "unreadable-cost" : "unreadable-csat")) }
        single.report(Self.diagnostic(line: 10, kind: "rejected", column: nil, severity: .error))
        for line in 11...14 { single.report(Self.diagnostic(line: line)) }
        single.report(Self.diagnostic(line: 15, kind: "unreadable-cost"))
        #expect(single.formattedLines() == lines)
        #expect(single.groups.map(\.count) == first.groups.map(\.count))
    }

    @Test func mergeIntoAnEmptyLogAndOfAnEmptyLog() {
        var log = DiagnosticLog()
        log.merge(DiagnosticLog())
        #expect(log.isEmpty)
        var other = DiagnosticLog()
        other.report(Self.diagnostic(line: 2))
        log.merge(other)
        log.merge(DiagnosticLog())
        #expect(log.groups.count == 1)
        #expect(log.groups[0].count == 1)
        // Merging the same log twice counts twice.
        log.merge(other)
        #expect(log.groups[0].count == 2)
        #expect(log.groups[0].examples.map(\.location.line) == [2, 2])
    }

    @Test func mergedNewGroupRespectsThisLogsCap() {
        var small = DiagnosticLog(examplesPerGroup: 2)
        var large = DiagnosticLog(examplesPerGroup: 5)
        for line in 2...6 { large.report(Self.diagnostic(line: line)) }
        small.merge(large)
        #expect(small.groups[0].count == 5)
        #expect(small.groups[0].examples.count == 2)
        #expect(small.formattedLines().count == 3)
    }

    @Test func aMillionDiagnosticsStayFastAndShort() {
        var log = DiagnosticLog()
        let kinds = ["unreadable-csat", "unreadable-cost", "rejected"]
        let diagnostics = kinds.map {
            Self.diagnostic(line: 2, kind: $0, column: $0 == "rejected" ? nil : "C", severity: $0 == "rejected" ? .error : .warning)
        }
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            for i in 0..<1_000_000 {
                var diagnostic = diagnostics[i % 3]
                diagnostic.location.line = i + 2
                log.report(diagnostic)
            }
        }
        #expect(log.count(.warning) == 666_667)
        #expect(log.count(kind: "rejected") == 333_333)
        let lines = log.formattedLines()
        // Three groups: five examples and one "... and N more" line each.
        #expect(lines.count == 18)
        #expect(lines[5] == #"a.csv: warning: ... and 333329 more unreadable-csat in column "C" not shown"#)
        #expect(lines[17] == "a.csv: error: ... and 333328 more rejected not shown")
        // About a quarter of a second in a debug build here; generous for a shared machine.
        #expect(elapsed < .seconds(5))
    }

    /// The same problem in six files: the first three files print theirs, the other three are summed in one
    /// line (2 + 2 + 1 = 5 diagnostics); another kind in a fourth file still prints.
    @Test func theSameKindInManyFilesIsSummedAfterThreeFiles() {
        var log = DiagnosticLog(examplesPerGroup: 1)
        for (file, count) in [("p0.csv", 1), ("p1.csv", 1), ("p2.csv", 1), ("p3.csv", 2), ("p4.csv", 2), ("p5.csv", 1)] {
            for line in 0..<count { log.report(Self.diagnostic(file, line: line + 2, message: "bad")) }
        }
        log.report(Self.diagnostic("p3.csv", line: 9, kind: "unreadable-cost", column: "Cost", message: "cost"))
        #expect(log.formattedLines() == [
            #"p0.csv:2: warning: bad [column "CSAT"]"#,
            #"p1.csv:2: warning: bad [column "CSAT"]"#,
            #"p2.csv:2: warning: bad [column "CSAT"]"#,
            #"p3.csv:9: warning: cost [column "Cost"]"#,
            #"p3.csv and 2 more files: warning: ... and 5 more unreadable-csat in column "CSAT" not shown"#,
        ])
    }
}
