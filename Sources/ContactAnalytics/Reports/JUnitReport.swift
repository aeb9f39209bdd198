/// `check --junit FILE`: every gate as a JUnit XML test case, for CI systems that read test reports (GitLab,
/// Jenkins, Azure Pipelines, GitHub test-report actions). A breached gate is a failing test case (`<failure>`
/// with the breach as its message), a passed gate a passing one, a gate that could not be checked a skipped
/// one (`<skipped>`), all in one suite `contactstat check`. Names and messages are XML-escaped
/// (`MarkupEscaping.html`: `& < > " '` and the control characters XML forbids).
public enum JUnitReport {
    /// The XML document for `gates`.
    public static func render(_ gates: [GateResult]) -> String {
        let failures = gates.filter { $0.status == .breached }.count
        let skipped = gates.filter { $0.status == .unchecked }.count
        let counts = "tests=\"\(gates.count)\" failures=\"\(failures)\" errors=\"0\" skipped=\"\(skipped)\""
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        xml += "<testsuites name=\"contactstat check\" \(counts)>\n"
        xml += "  <testsuite name=\"contactstat check\" \(counts)>\n"
        for gate in gates {
            let name = MarkupEscaping.html(gate.name), message = MarkupEscaping.html(gate.message)
            let open = "    <testcase classname=\"contactstat.check\" name=\"\(name)\""
            switch gate.status {
            case .passed:
                xml += open + ">\n      <system-out>\(message)</system-out>\n    </testcase>\n"
            case .breached:
                xml += open + ">\n      <failure type=\"breach\" message=\"\(message)\">\(message)</failure>\n    </testcase>\n"
            case .unchecked:
                xml += open + ">\n      <skipped message=\"\(message)\"/>\n    </testcase>\n"
            }
        }
        xml += "  </testsuite>\n</testsuites>\n"
        return xml
    }
}
